/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

/**
 * Everything the bridge exchanges with a WhatsApp chat, as plain values: message content carried in an
 * encrypted {@code Message} protobuf ({@link MessageContent}), and the unencrypted stanzas that accompany
 * it ({@link Receipt}, {@link ChatState}). No protobuf or XMPP type appears in any of them.
 */
public sealed interface WaPayload permits MessageContent, Receipt, ChatState {
}
