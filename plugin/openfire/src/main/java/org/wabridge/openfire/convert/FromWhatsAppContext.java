/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import java.time.Instant;
import java.util.Objects;

import org.wabridge.core.jid.WaJid;
import org.wabridge.openfire.id.MessageIdMap;
import org.xmpp.packet.JID;

/**
 * Addressing of a conversion towards XMPP: the Openfire user who receives, the contact's JID (already mapped
 * by {@link org.wabridge.openfire.id.JidMapper}), the gateway's own JID (author of XEP-0359 stanza ids and
 * XEP-0203 delays), the contact's WhatsApp address, when WhatsApp says the message was sent, whether it
 * waited in WhatsApp's queue (then a delay is stamped), and the id map.
 */
public record FromWhatsAppContext(JID user, JID contactJid, JID gateway, WaJid contact, Instant sentAt,
        boolean delayed, MessageIdMap ids) {

    public FromWhatsAppContext {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(contactJid, "contactJid");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(ids, "ids");
        user = user.asBareJID();
    }

    /** @return the 1:1 chat address as WhatsApp writes it in message keys */
    public String chatJid() {
        return contact.toString();
    }
}
