/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.wabridge.core.message.MessageRef;
import org.wabridge.core.message.Receipt;
import org.wabridge.openfire.xep.MalformedElementException;
import org.wabridge.openfire.xep.xep0184.ReceiptReceived;
import org.wabridge.openfire.xep.xep0333.ChatMarker;
import org.xmpp.packet.Message;

/**
 * XEP-0184 receipts and XEP-0333 markers → WhatsApp receipts for messages the contact sent: received →
 * delivered; displayed and acknowledged → read. Markers for unknown messages, or for the user's own
 * messages, produce nothing: a receipt is a courtesy and there is nothing to tell WhatsApp.
 */
public final class ToWhatsAppReceipt {

    private ToWhatsAppReceipt() {
    }

    /** @throws ConversionException MALFORMED if a receipt or marker lacks its id */
    public static Optional<Receipt> convert(Message stanza, ToWhatsAppContext ctx, Instant now)
            throws ConversionException {
        try {
            Optional<ChatMarker> marker = ChatMarker.from(stanza);
            if (marker.isPresent()) {
                Receipt.Type type = marker.get().type() == ChatMarker.Type.RECEIVED
                        ? Receipt.Type.DELIVERED : Receipt.Type.READ;
                return receipt(type, marker.get().id(), ctx, now);
            }
            Optional<ReceiptReceived> received = ReceiptReceived.from(stanza);
            if (received.isPresent()) {
                return receipt(Receipt.Type.DELIVERED, received.get().id(), ctx, now);
            }
            return Optional.empty();
        } catch (MalformedElementException e) {
            throw new ConversionException(ConversionException.Reason.MALFORMED, e.getMessage(), e);
        }
    }

    private static Optional<Receipt> receipt(Receipt.Type type, String xmppId, ToWhatsAppContext ctx, Instant now) {
        Optional<MessageRef> ref = ctx.lookup(xmppId).filter(r -> !r.fromMe());
        return ref.map(r -> new Receipt(type, r.chatJid(), Optional.empty(), List.of(r.id()), now));
    }
}
