/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/** Tests of {@code org.wabridge.openfire.keys}. */
package org.wabridge.openfire.keys;
