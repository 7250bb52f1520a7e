/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.ChatState;

/** Presence and chat states, literal nodes written from whatsapp-protocol.md §5.9. */
class PresenceAndChatStateTest {
    private static final WaJid BOB = WaJid.phone("491701234567");

    @Test
    void ownPresenceWithPushName() throws Exception {
        Node available = Node.builder("presence").attr("type", "available").attr("name", "Alice").build();
        assertEquals(available, PresenceStanza.own(true, "Alice").toNode());
        Node unavailable = Node.builder("presence").attr("type", "unavailable").attr("name", "Alice").build();
        assertEquals(unavailable, PresenceStanza.own(false, "Alice").toNode());
        assertFalse(PresenceStanza.fromNode(unavailable).isAvailable());
    }

    @Test
    void subscribe() throws Exception {
        Node expected = Node.builder("presence").attr("type", "subscribe").attr("to", BOB).build();
        assertEquals(expected, PresenceStanza.subscribe(BOB).toNode());
        assertEquals(PresenceStanza.subscribe(BOB), PresenceStanza.fromNode(WireRoundTrip.viaWire(expected)));
    }

    @Test
    void updatesWithLastSeenOrDeny() throws Exception {
        // §5.9: <presence from [type="unavailable"] [last=<unix s>|"deny"]/>
        Node seen = Node.builder("presence").attr("type", "unavailable").attr("from", BOB).attr("last", "1700000000")
                .build();
        PresenceStanza parsed = PresenceStanza.fromNode(seen);
        assertEquals(OptionalLong.of(1_700_000_000L), parsed.lastSeen());
        assertEquals(seen, PresenceStanza.update(BOB, false, OptionalLong.of(1_700_000_000L)).toNode());
        PresenceStanza denied = PresenceStanza.fromNode(Node.builder("presence").attr("from", BOB).attr("last", "deny")
                .build());
        assertTrue(denied.isAvailable());
        assertTrue(denied.lastSeenDenied());
        assertEquals(OptionalLong.empty(), denied.lastSeen());
    }

    @Test
    void malformedPresence() {
        assertThrows(StanzaException.class, () -> PresenceStanza.fromNode(
                Node.builder("presence").attr("type", "busy").build()));
        assertThrows(StanzaException.class, () -> PresenceStanza.fromNode(
                Node.builder("presence").attr("from", BOB).attr("last", "yesterday").build()));
        assertThrows(StanzaException.class, () -> PresenceStanza.fromNode(Node.of("chatstate")));
    }

    @Test
    void composingAudioAndPaused() throws Exception {
        // §5.9: <chatstate to><composing [media="audio"]/></chatstate> or <paused/>
        Node audio = Node.builder("chatstate").attr("to", BOB)
                .child(Node.builder("composing").attr("media", "audio").build()).build();
        assertEquals(audio, ChatStateStanza.outgoing(BOB, ChatState.State.COMPOSING, true).toNode());
        Node paused = Node.builder("chatstate").attr("to", BOB).child(Node.of("paused")).build();
        assertEquals(paused, ChatStateStanza.outgoing(BOB, ChatState.State.PAUSED, false).toNode());
        assertEquals(ChatStateStanza.outgoing(BOB, ChatState.State.COMPOSING, true), ChatStateStanza.fromNode(audio));
    }

    @Test
    void incomingChatStateToPayload() throws Exception {
        Node node = Node.builder("chatstate").attr("from", BOB).child(Node.of("composing")).build();
        ChatStateStanza parsed = ChatStateStanza.fromNode(WireRoundTrip.viaWire(node));
        assertEquals(new ChatState(BOB.toString(), Optional.empty(), ChatState.State.COMPOSING, false),
                parsed.toChatState());
        assertEquals(node, ChatStateStanza.outgoing(WaJid.phone("1"), ChatState.State.COMPOSING, false)
                .relayedFrom(BOB).toNode());
    }

    @Test
    void malformedChatState() {
        assertThrows(StanzaException.class, () -> ChatStateStanza.fromNode(
                Node.builder("chatstate").attr("from", BOB).build()));
        assertEquals("typing", assertThrows(StanzaException.class, () -> ChatStateStanza.fromNode(
                Node.builder("chatstate").attr("from", BOB).child(Node.of("typing")).build())).tag());
        assertThrows(StanzaException.class, () -> ChatStateStanza.fromNode(
                Node.builder("chatstate").child(Node.of("paused")).build()));
    }
}
