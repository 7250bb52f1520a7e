/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import java.util.Optional;

import org.wabridge.core.message.MessageRef;
import org.wabridge.openfire.xep.Elements;
import org.wabridge.openfire.xep.xep0203.Delay;
import org.wabridge.openfire.xep.xep0359.OriginId;
import org.wabridge.openfire.xep.xep0359.StanzaId;
import org.xmpp.packet.Message;

/** The envelope every message from WhatsApp gets: addresses, type chat, ids (XEP-0359) and delay (XEP-0203). */
final class FromWhatsAppStanzas {

    private FromWhatsAppStanzas() {
    }

    /**
     * A chat message from the contact to the user whose {@code id}, origin id and stanza id are all the
     * WhatsApp message id, so later references from either side resolve to the same message.
     */
    static Message envelope(FromWhatsAppContext ctx, String waMessageId) {
        Message m = new Message();
        m.setType(Message.Type.chat);
        m.setFrom(ctx.contactJid());
        m.setTo(ctx.user());
        m.setID(waMessageId);
        Elements.addTo(m, new OriginId(waMessageId).toElement());
        Elements.addTo(m, new StanzaId(waMessageId, ctx.gateway()).toElement());
        if (ctx.delayed()) {
            Elements.addTo(m, new Delay(ctx.sentAt(), Optional.of(ctx.gateway())).toElement());
        }
        return m;
    }

    /**
     * @return the XMPP id the user's clients know for a WhatsApp message: the recorded one for messages the
     *         user sent from XMPP, else the WhatsApp id itself (which is what {@link #envelope} used)
     */
    /**
     * A message key as the contact wrote it (in a reaction, edit or revoke) seen from the user's side: in a 1:1
     * chat the contact's {@code fromMe} is the opposite of the user's, and the chat is the contact.
     */
    static MessageRef seenByUser(FromWhatsAppContext ctx, MessageRef senderView) {
        return new MessageRef(ctx.chatJid(), !senderView.fromMe(), senderView.id(), senderView.participant());
    }

    static String xmppIdOf(FromWhatsAppContext ctx, MessageRef ref) {
        return ctx.ids().findXmpp(ctx.user(), ref).orElse(ref.id());
    }
}
