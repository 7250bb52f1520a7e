/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.WaAccount;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.Edit;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.MessageRef;
import org.wabridge.core.message.Reaction;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.message.ReplyContext;
import org.wabridge.core.message.Revoke;
import org.wabridge.core.message.TextContent;

/**
 * Two engines, an interop user (the bridge side) and a simulated WhatsApp user (consumer login), exchange
 * every 1:1 message kind, receipts, chat states and presence through the emulator, both ways.
 */
class EngineMessagingTest {
    @TempDir
    Path dir;
    private EngineTestBed bed;
    private EngineTestBed.User alice; // interop
    private EngineTestBed.User bob; // WhatsApp user

    @BeforeEach
    void start() throws Exception {
        bed = new EngineTestBed(dir);
        alice = bed.interop(31337L);
        bob = bed.consumer("491700000002", true);
        alice.connect();
        bob.connect();
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    private static SendResult send(WaAccount from, String to, String id, MessageContent content) throws Exception {
        return from.sendMessage(to, id, content).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static void assertAccepted(SendResult result, String id) {
        SendResult.Accepted accepted = assertInstanceOf(SendResult.Accepted.class, result, result.toString());
        assertEquals(id, accepted.messageId());
    }

    @Test
    void aMessageThatWaitedInTheOfflineQueueSaysSoAndALiveOneDoesNot() throws Exception {
        assertAccepted(send(bob.engine(), alice.jid(), "B-live", TextContent.of("live")), "B-live");
        assertFalse(alice.events().next(WaEvent.MessageReceived.class).fromOfflineQueue());

        alice.engine().disconnect().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertAccepted(send(bob.engine(), alice.jid(), "B-queued", TextContent.of("queued")), "B-queued");
        alice.connect();
        WaEvent.MessageReceived queued = alice.events().next(WaEvent.MessageReceived.class);
        assertEquals("B-queued", queued.messageId());
        assertTrue(queued.fromOfflineQueue(), "replayed from the offline queue");
    }

    @Test
    void textGoesBothWaysWithDeliveryAndReadReceipts() throws Exception {
        assertAccepted(send(alice.engine(), bob.jid(), "A-1", TextContent.of("hello from XMPP")), "A-1");
        WaEvent.MessageReceived atBob = bob.events().next(WaEvent.MessageReceived.class);
        assertEquals("A-1", atBob.messageId());
        assertEquals(alice.jid(), atBob.chatJid());
        assertEquals("hello from XMPP", assertInstanceOf(TextContent.class, atBob.content()).body());
        assertEquals(Optional.of(alice.jid()), atBob.senderJid());

        WaEvent.ReceiptReceived delivered = alice.events().next(WaEvent.ReceiptReceived.class);
        assertEquals(Receipt.Type.DELIVERED, delivered.receipt().type());
        assertEquals(List.of("A-1"), delivered.receipt().messageIds());
        assertEquals(bob.jid(), delivered.receipt().chatJid());

        SendResult read = bob.engine().sendReceipt(new Receipt(Receipt.Type.READ, alice.jid(), Optional.empty(),
                List.of("A-1"), Instant.now())).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertInstanceOf(SendResult.Accepted.class, read, read.toString());
        WaEvent.ReceiptReceived readAtAlice = alice.events().next(WaEvent.ReceiptReceived.class);
        assertEquals(Receipt.Type.READ, readAtAlice.receipt().type());
        assertEquals(List.of("A-1"), readAtAlice.receipt().messageIds());

        assertAccepted(send(bob.engine(), alice.jid(), "B-1", TextContent.of("hi from WhatsApp")), "B-1");
        WaEvent.MessageReceived atAlice = alice.events().next(WaEvent.MessageReceived.class);
        assertEquals("hi from WhatsApp", assertInstanceOf(TextContent.class, atAlice.content()).body());
        assertEquals(bob.jid(), atAlice.chatJid());
        assertEquals(List.of("B-1"), bob.events().next(WaEvent.ReceiptReceived.class).receipt().messageIds());
        SendResult readBack = alice.engine().sendReceipt(new Receipt(Receipt.Type.READ, bob.jid(), Optional.empty(),
                List.of("B-1"), Instant.now())).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertInstanceOf(SendResult.Accepted.class, readBack);
        assertEquals(Receipt.Type.READ, bob.events().next(WaEvent.ReceiptReceived.class,
                r -> r.receipt().type() == Receipt.Type.READ).receipt().type());
    }

    @Test
    void replyReactionEditAndRevokeArriveAsTheirKinds() throws Exception {
        assertAccepted(send(alice.engine(), bob.jid(), "A-10", TextContent.of("original")), "A-10");
        bob.events().next(WaEvent.MessageReceived.class);

        TextContent reply = new TextContent("a reply", Optional.of(new ReplyContext("A-10",
                Optional.of(alice.jid()), Optional.empty(), Optional.empty())), List.of());
        assertAccepted(send(bob.engine(), alice.jid(), "B-10", reply), "B-10");
        TextContent gotReply = assertInstanceOf(TextContent.class,
                alice.events().next(WaEvent.MessageReceived.class).content());
        assertEquals("a reply", gotReply.body());
        assertEquals("A-10", gotReply.reply().orElseThrow().quotedId());

        MessageRef bobsReply = MessageRef.of(bob.jid(), false, "B-10");
        assertAccepted(send(alice.engine(), bob.jid(), "A-11", new Reaction(bobsReply, "👍", OptionalLong.empty())),
                "A-11");
        Reaction reaction = assertInstanceOf(Reaction.class, bob.events().next(WaEvent.MessageReceived.class).content());
        assertEquals("👍", reaction.emoji());
        assertEquals("B-10", reaction.target().id());

        MessageRef original = MessageRef.of(bob.jid(), true, "A-10");
        assertAccepted(send(alice.engine(), bob.jid(), "A-12", new Edit(original, TextContent.of("corrected"),
                OptionalLong.empty())), "A-12");
        Edit edit = assertInstanceOf(Edit.class, bob.events().next(WaEvent.MessageReceived.class).content());
        assertEquals("A-10", edit.target().id());
        assertEquals("corrected", assertInstanceOf(TextContent.class, edit.newContent()).body());

        assertAccepted(send(alice.engine(), bob.jid(), "A-13", new Revoke(original)), "A-13");
        Revoke revoke = assertInstanceOf(Revoke.class, bob.events().next(WaEvent.MessageReceived.class).content());
        assertEquals("A-10", revoke.target().id());

        MessageRef alicesOriginal = MessageRef.of(alice.jid(), false, "A-10");
        assertAccepted(send(bob.engine(), alice.jid(), "B-11", new Reaction(alicesOriginal, "❤", OptionalLong.empty())),
                "B-11");
        assertEquals("❤", assertInstanceOf(Reaction.class,
                alice.events().next(WaEvent.MessageReceived.class).content()).emoji());
    }

    @Test
    void chatStatesAndPresenceFlowBothWays() throws Exception {
        SendResult typing = alice.engine().sendChatState(new ChatState(bob.jid(), Optional.empty(),
                ChatState.State.COMPOSING, false)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertInstanceOf(SendResult.Accepted.class, typing);
        ChatState atBob = bob.events().next(WaEvent.ChatStateChanged.class).chatState();
        assertEquals(alice.jid(), atBob.chatJid());
        assertEquals(ChatState.State.COMPOSING, atBob.state());

        bob.engine().sendChatState(new ChatState(alice.jid(), Optional.empty(), ChatState.State.COMPOSING, true))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        ChatState atAlice = alice.events().next(WaEvent.ChatStateChanged.class).chatState();
        assertEquals(bob.jid(), atAlice.chatJid());
        assertTrue(atAlice.audio());

        assertInstanceOf(SendResult.Accepted.class,
                alice.engine().subscribePresence(bob.jid()).toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertInstanceOf(SendResult.Accepted.class,
                bob.engine().subscribePresence(alice.jid()).toCompletableFuture().get(30, TimeUnit.SECONDS));
        // a round trip through the emulator orders the subscriptions before the availability updates
        assertAccepted(send(alice.engine(), bob.jid(), "A-20", TextContent.of("sync")), "A-20");
        assertAccepted(send(bob.engine(), alice.jid(), "B-20", TextContent.of("sync")), "B-20");

        // subscribing answers with the current state first (PresenceBook), so wait for the change itself
        bob.engine().sendPresence(true).toCompletableFuture().get(30, TimeUnit.SECONDS);
        WaEvent.PresenceChanged bobOnline = alice.events().next(WaEvent.PresenceChanged.class,
                p -> p.jid().equals(bob.jid()) && p.available());
        assertEquals(bob.jid(), bobOnline.jid());
        assertTrue(bobOnline.available());

        alice.engine().sendPresence(true).toCompletableFuture().get(30, TimeUnit.SECONDS);
        bob.events().next(WaEvent.PresenceChanged.class, p -> p.jid().equals(alice.jid()) && p.available());
        alice.engine().sendPresence(false).toCompletableFuture().get(30, TimeUnit.SECONDS);
        WaEvent.PresenceChanged aliceAway = bob.events().next(WaEvent.PresenceChanged.class,
                p -> p.jid().equals(alice.jid()) && p.lastSeen().isPresent());
        assertEquals(alice.jid(), aliceAway.jid());
        assertFalse(aliceAway.available());
        assertTrue(aliceAway.lastSeen().isPresent());
    }
}
