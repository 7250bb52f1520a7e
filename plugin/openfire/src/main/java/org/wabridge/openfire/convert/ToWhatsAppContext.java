/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import java.util.Objects;
import java.util.Optional;

import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.MessageRef;
import org.wabridge.openfire.id.MessageIdMap;
import org.xmpp.packet.JID;

/**
 * Who talks to whom in a conversion from XMPP: the Openfire user (bare JID), the user's own WhatsApp address,
 * the WhatsApp contact, and the id map that resolves referenced messages.
 */
public record ToWhatsAppContext(JID user, WaJid self, WaJid contact, MessageIdMap ids) {

    public ToWhatsAppContext {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(ids, "ids");
        user = user.asBareJID();
    }

    /** @return the 1:1 chat address as WhatsApp writes it in message keys */
    public String chatJid() {
        return contact.toString();
    }

    /** @return the WhatsApp message that {@code xmppId} names in this conversation, if any */
    public Optional<MessageRef> lookup(String xmppId) {
        return ids.findWhatsApp(user, chatJid(), xmppId);
    }

    /**
     * @return the referenced message, which the user must have sent
     * @throws ConversionException UNKNOWN_MESSAGE or NOT_OWN_MESSAGE
     */
    public MessageRef ownMessage(String xmppId, String what) throws ConversionException {
        MessageRef ref = lookup(xmppId).orElseThrow(() -> new ConversionException(
                ConversionException.Reason.UNKNOWN_MESSAGE, what + " names an unknown message"));
        if (!ref.fromMe()) {
            throw new ConversionException(ConversionException.Reason.NOT_OWN_MESSAGE,
                    what + " names a message the user did not send");
        }
        return ref;
    }
}
