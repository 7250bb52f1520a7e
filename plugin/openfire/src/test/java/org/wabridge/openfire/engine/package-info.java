/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/** Tests of the engine settings, interop account ids and the trust-anchor file. */
package org.wabridge.openfire.engine;
