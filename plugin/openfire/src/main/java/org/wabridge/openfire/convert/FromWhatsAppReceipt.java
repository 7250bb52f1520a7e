/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.wabridge.core.message.MessageRef;
import org.wabridge.core.message.Receipt;
import org.wabridge.openfire.xep.Elements;
import org.wabridge.openfire.xep.xep0184.ReceiptReceived;
import org.wabridge.openfire.xep.xep0333.ChatMarker;
import org.xmpp.packet.Message;

/**
 * WhatsApp receipt → one XMPP message per named message: delivered → XEP-0184 {@code <received/>}; read and
 * played → XEP-0333 {@code <displayed/>}. Receipts name messages the user sent, so their XMPP ids are looked
 * up in the id map (falling back to the WhatsApp id).
 */
public final class FromWhatsAppReceipt {

    private FromWhatsAppReceipt() {
    }

    /** @param receiptId a fresh stanza id prefix for the generated messages */
    public static List<Message> convert(Receipt receipt, String receiptId, FromWhatsAppContext ctx) {
        List<Message> out = new ArrayList<>(receipt.messageIds().size());
        int n = 0;
        for (String waId : receipt.messageIds()) {
            String xmppId = FromWhatsAppStanzas.xmppIdOf(ctx,
                    new MessageRef(receipt.chatJid(), true, waId, Optional.empty()));
            Message m = new Message();
            m.setType(Message.Type.chat);
            m.setFrom(ctx.contactJid());
            m.setTo(ctx.user());
            m.setID(receiptId + "-" + n++);
            if (receipt.type() == Receipt.Type.DELIVERED) {
                Elements.addTo(m, new ReceiptReceived(xmppId).toElement());
            } else {
                Elements.addTo(m, new ChatMarker(ChatMarker.Type.DISPLAYED, xmppId).toElement());
            }
            out.add(m);
        }
        return out;
    }
}
