/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * WhatsApp addresses: {@link org.wabridge.core.jid.WaJid} is the one immutable type for phone users, their
 * devices, LIDs, groups, broadcast lists, bare servers, Messenger users and DMA interop users (user, device,
 * integrator), with the text forms of whatsapp-protocol.md §4 and the Signal address name. The binary wire forms
 * (JID_PAIR, AD_JID, FB_JID, INTEROP_JID) are written and read by {@code org.wabridge.core.binary}; interop
 * addresses travel as this structured type and are never rebuilt from their text form internally.
 */
package org.wabridge.core.jid;
