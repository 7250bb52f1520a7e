/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.DecodedMessage;
import org.wabridge.core.message.TextContent;
import org.wabridge.core.stanza.IncomingMessage;

/**
 * Which received messages are bridged (one person's, not a group's) and under which chat: a device-sent
 * wrapper counts only from our own devices.
 */
class BridgedChatTest {

    private static final WaJid SELF = WaJid.of("491700000001", WaJid.USER_SERVER);
    private static final Predicate<WaJid> OWN = jid -> jid.toNonAd().equals(SELF);
    private static final String BOB = "491700000002@s.whatsapp.net";
    private static final String CAROL = "491700000003@s.whatsapp.net";

    @Test
    void aPlainMessageBelongsToItsSendersChat() {
        DecodedMessage plain = new DecodedMessage(TextContent.of("hi"), Optional.empty());

        assertEquals(BOB, MessageReceiver.chatOf(plain, WaJid.of("491700000002", 3, WaJid.USER_SERVER), OWN));
    }

    @Test
    void aCopyFromOneOfOurOwnDevicesBelongsToTheChatItNames() {
        DecodedMessage copy = new DecodedMessage(TextContent.of("sent from my phone"), Optional.of(BOB));

        assertEquals(BOB, MessageReceiver.chatOf(copy, WaJid.of("491700000001", 2, WaJid.USER_SERVER), OWN));
    }

    @Test
    void aContactCannotFileItsMessageUnderAnotherContactsChat() {
        DecodedMessage forged = new DecodedMessage(TextContent.of("I am carol"), Optional.of(CAROL));

        assertEquals(BOB, MessageReceiver.chatOf(forged, WaJid.of("491700000002", 0, WaJid.USER_SERVER), OWN));
    }

    private static IncomingMessage message(String from, String participant) throws Exception {
        Node.Builder b = Node.builder("message").attr("id", "3EB0AA").attr("from", WaJid.parse(from))
                .attr("t", "1700000000").attr("type", "text");
        if (participant != null) {
            b.attr("participant", WaJid.parse(participant));
        }
        return IncomingMessage.fromNode(b.build());
    }

    @Test
    void onlyMessagesFromOnePersonAreBridgedNotGroupsBroadcastsOrChannels() throws Exception {
        assertTrue(MessageReceiver.fromOnePerson(message("491700000002:3@s.whatsapp.net", null)));
        assertTrue(MessageReceiver.fromOnePerson(message("123456789@lid", null)));
        assertFalse(MessageReceiver.fromOnePerson(message("120363000000000000@g.us", "491700000002:0@s.whatsapp.net")));
        assertFalse(MessageReceiver.fromOnePerson(message("status@broadcast", "491700000002:0@s.whatsapp.net")));
        assertFalse(MessageReceiver.fromOnePerson(message("120363000000000001@newsletter", null)));
    }
}
