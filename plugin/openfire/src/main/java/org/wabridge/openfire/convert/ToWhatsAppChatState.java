/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import java.util.Optional;

import org.wabridge.core.message.ChatState;
import org.wabridge.openfire.xep.xep0085.ChatStateElement;
import org.xmpp.packet.Message;

/**
 * XEP-0085 chat state → WhatsApp typing state. WhatsApp knows only composing and paused: composing maps to
 * composing; paused, and active/inactive/gone on a message without body, end the typing indication. A state
 * riding on a message with body is not sent, since WhatsApp clears typing when a message arrives.
 */
public final class ToWhatsAppChatState {

    private ToWhatsAppChatState() {
    }

    public static Optional<ChatState> convert(Message stanza, ToWhatsAppContext ctx) {
        Optional<ChatStateElement> state = ChatStateElement.from(stanza);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        if (state.get() == ChatStateElement.COMPOSING) {
            return Optional.of(new ChatState(ctx.chatJid(), Optional.empty(), ChatState.State.COMPOSING, false));
        }
        if (state.get() == ChatStateElement.PAUSED || stanza.getBody() == null) {
            return Optional.of(new ChatState(ctx.chatJid(), Optional.empty(), ChatState.State.PAUSED, false));
        }
        return Optional.empty();
    }
}
