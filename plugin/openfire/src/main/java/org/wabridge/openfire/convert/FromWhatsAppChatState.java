/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import org.wabridge.core.message.ChatState;
import org.wabridge.openfire.xep.Elements;
import org.wabridge.openfire.xep.xep0085.ChatStateElement;
import org.xmpp.packet.Message;

/** WhatsApp typing → a body-less XEP-0085 message: composing → composing, paused → paused. */
public final class FromWhatsAppChatState {

    private FromWhatsAppChatState() {
    }

    public static Message convert(ChatState state, FromWhatsAppContext ctx) {
        Message m = new Message();
        m.setType(Message.Type.chat);
        m.setFrom(ctx.contactJid());
        m.setTo(ctx.user());
        ChatStateElement element = state.state() == ChatState.State.COMPOSING
                ? ChatStateElement.COMPOSING : ChatStateElement.PAUSED;
        Elements.addTo(m, element.toElement());
        return m;
    }
}
