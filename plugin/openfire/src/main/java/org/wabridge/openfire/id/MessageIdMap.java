/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.id;

import java.util.Optional;

import org.wabridge.core.message.MessageRef;
import org.xmpp.packet.JID;

/**
 * Relates the ids XMPP clients use to name a message (the stanza's {@code id} attribute and its XEP-0359
 * origin id) to the WhatsApp message they stand for, per Openfire user. Corrections, retractions, reactions,
 * replies and markers name earlier messages by these ids. The durable ledger implements this later; until
 * then {@link InMemoryMessageIdMap} does. Implementations are thread-safe.
 */
public interface MessageIdMap {

    /**
     * Records that {@code xmppId}, in the conversations of {@code user}, names {@code message}. Recording the
     * same pair again is harmless; a new message for an existing id replaces the old one.
     *
     * @param user    the Openfire user's bare JID
     * @param xmppId  an id the user's clients see for the message
     * @param message the WhatsApp message ({@code fromMe} true when the user sent it)
     */
    void put(JID user, String xmppId, MessageRef message);

    /**
     * @return the WhatsApp message that {@code xmppId} names in {@code user}'s chat {@code chatJid}, if known
     *         (clients may reuse ids across chats, so the chat is part of the key)
     */
    Optional<MessageRef> findWhatsApp(JID user, String chatJid, String xmppId);

    /**
     * @return the XMPP id recorded most recently for the WhatsApp message (matched by chat and id), if known
     */
    Optional<String> findXmpp(JID user, MessageRef message);
}
