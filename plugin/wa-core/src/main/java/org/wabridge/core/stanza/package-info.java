/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The pure stanza layer: immutable records for the top-level WhatsApp nodes (connect outcomes, stream errors,
 * acks, messages, receipts, presence, chat states, notifications, {@code <ib>}) with {@code toNode()} and
 * {@code static fromNode(Node)} in both directions, so the bridge and the emulator build and parse the same
 * shapes (whatsapp-protocol.md §5). Parsing never returns a half-read value: malformed input throws a
 * {@link org.wabridge.core.stanza.StanzaException} naming the tag and what was wrong. No I/O, no logging.
 */
package org.wabridge.core.stanza;
