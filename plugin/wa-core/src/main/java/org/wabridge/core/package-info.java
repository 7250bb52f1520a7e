/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * WhatsApp protocol core: everything a bridge and the interop emulator share about WhatsApp's wire
 * protocol, with no Openfire, XMPP, JDBC or libsignal types. {@link org.wabridge.core.ProtocolProfile}
 * collects the wire settings that are not public for interop, with documented defaults.
 */
package org.wabridge.core;
