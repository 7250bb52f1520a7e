/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/** Tests of per-user sessions and their lifecycle against the scripted engine double. */
package org.wabridge.openfire.session;
