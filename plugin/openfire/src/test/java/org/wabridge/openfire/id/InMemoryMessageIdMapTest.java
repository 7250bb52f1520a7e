/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.id;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.wabridge.core.message.MessageRef;
import org.xmpp.packet.JID;

class InMemoryMessageIdMapTest {

    private static final JID ALICE = new JID("alice@example.org/phone");
    private static final JID BOB = new JID("bob@example.org");
    private static final MessageRef REF = MessageRef.of("491701234567@s.whatsapp.net", true, "3EB0A1");

    @Test
    void findsBothWaysPerUserIgnoringResources() {
        InMemoryMessageIdMap map = new InMemoryMessageIdMap(10);
        map.put(ALICE, "xmpp-1", REF);

        assertEquals(Optional.of(REF), map.findWhatsApp(new JID("alice@example.org/laptop"), REF.chatJid(), "xmpp-1"));
        assertEquals(Optional.of("xmpp-1"), map.findXmpp(ALICE, MessageRef.of("491701234567@s.whatsapp.net", false, "3EB0A1")));
        assertEquals(Optional.empty(), map.findWhatsApp(BOB, REF.chatJid(), "xmpp-1"));
        assertEquals(Optional.empty(), map.findXmpp(BOB, REF));
    }

    @Test
    void forgetsTheOldestBeyondCapacity() {
        InMemoryMessageIdMap map = new InMemoryMessageIdMap(2);
        map.put(ALICE, "a", MessageRef.of("c", true, "1"));
        map.put(ALICE, "b", MessageRef.of("c", true, "2"));
        map.put(ALICE, "c", MessageRef.of("c", true, "3"));

        assertEquals(Optional.empty(), map.findWhatsApp(ALICE, "c", "a"));
        assertEquals(Optional.of("c"), map.findXmpp(ALICE, MessageRef.of("c", true, "3")));
        assertEquals(Optional.of("b"), map.findXmpp(ALICE, MessageRef.of("c", true, "2")));
    }

    @Test
    void theNewestXmppIdWinsForOneWhatsAppMessage() {
        InMemoryMessageIdMap map = new InMemoryMessageIdMap(10);
        map.put(ALICE, "stanza-id", REF);
        map.put(ALICE, "origin-id", REF);

        assertEquals(Optional.of("origin-id"), map.findXmpp(ALICE, REF));
        assertEquals(Optional.of(REF), map.findWhatsApp(ALICE, REF.chatJid(), "stanza-id"));
    }
}
