/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The typed message model and its protobuf converters: {@link org.wabridge.core.message.WaPayload} is a sealed
 * hierarchy of immutable records (text, media, reaction, edit, revoke, unsupported content, receipt, chat
 * state) with no protobuf or XMPP type in it; {@link org.wabridge.core.message.ToWaProto} and
 * {@link org.wabridge.core.message.FromWaProto} are the pure converters to and from WhatsApp's {@code Message}
 * protobuf (whatsapp-protocol.md §6, §7.2), with anything unmodelled kept as
 * {@link org.wabridge.core.message.UnsupportedContent}; {@link org.wabridge.core.message.MessagePadding} adds and
 * checks the random padding applied before Signal encryption (§6.5). Receipts and chat states travel as plain
 * stanzas, so only their values live here.
 */
package org.wabridge.core.message;
