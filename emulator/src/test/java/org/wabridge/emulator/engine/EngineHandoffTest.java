/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.message.TextContent;

/**
 * Ack after handoff (issue 6, whatsapp-protocol.md §8.4): a message the gateway could not take stays on
 * WhatsApp's queue and comes back after a reconnect; once delivered it is acked and never handed off again;
 * redeliveries of a handed-off id are dropped.
 */
class EngineHandoffTest {
    private static final String BOB = "491700000002";

    @TempDir
    Path dir;
    private EngineTestBed bed;
    private EngineTestBed.User alice;
    private EngineTestBed.User bob;

    @BeforeEach
    void start() throws Exception {
        bed = new EngineTestBed(dir);
        alice = bed.interop(31337L);
        bob = bed.consumer(BOB, true);
        alice.connect();
        bob.connect();
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    private void send(String id, String body) throws Exception {
        SendResult r = alice.engine().sendText(bob.jid(), id, body).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertInstanceOf(SendResult.Accepted.class, r, r.toString());
    }

    private void reconnectBob() throws Exception {
        java.time.Instant before = java.time.Instant.now();
        bed.emulator.dropConnection(BOB, 0);
        bob.events().nextState(EngineState.Phase.ONLINE, before);
    }

    @Test
    void failedHandoffIsRedeliveredAfterReconnectThenNeverAgain() throws Exception {
        bob.events().deliverHandoffs(false);
        send("A-1", "keep me");
        assertEquals("A-1", bob.events().next(WaEvent.MessageReceived.class).messageId());
        assertEquals(1, bed.emulator.directory().pendingFor(BOB, 0), "not acked: still on the server's queue");

        bob.events().deliverHandoffs(true);
        reconnectBob();
        WaEvent.MessageReceived again = bob.events().next(WaEvent.MessageReceived.class);
        assertEquals("A-1", again.messageId());
        assertEquals("keep me", assertInstanceOf(TextContent.class, again.content()).body());
        WaEvent.ReceiptReceived delivered = alice.events().next(WaEvent.ReceiptReceived.class);
        assertEquals(Receipt.Type.DELIVERED, delivered.receipt().type());
        assertEquals("A-1", delivered.receipt().messageIds().get(0));
        assertEquals(0, bed.emulator.directory().pendingFor(BOB, 0), "acked after the handoff");

        reconnectBob();
        send("A-2", "marker");
        assertEquals("A-2", bob.events().next(WaEvent.MessageReceived.class).messageId(),
                "the next message after another reconnect is the new one, not A-1 again");
    }

    @Test
    void sameIdSentTwiceIsHandedOffOnceAndAcked() throws Exception {
        send("A-3", "once");
        assertEquals("A-3", bob.events().next(WaEvent.MessageReceived.class).messageId());
        alice.events().next(WaEvent.ReceiptReceived.class, r -> r.receipt().messageIds().contains("A-3"));
        send("A-3", "once");
        send("A-4", "marker");
        assertEquals("A-4", bob.events().next(WaEvent.MessageReceived.class).messageId(),
                "the duplicate A-3 was dropped");
        alice.events().next(WaEvent.ReceiptReceived.class, r -> r.receipt().messageIds().contains("A-4"));
        assertEquals(0, bed.emulator.directory().pendingFor(BOB, 0), "the duplicate was acked too");
    }

    @Test
    void unansweredHandoffCountsAsFailedAndTheMessageSurvives() throws Exception {
        EngineTestBed.User carol = bed.consumer("491700000003", true);
        carol.connect();
        carol.events().deliverHandoffs(false);
        SendResult r = alice.engine().sendText(carol.jid(), "A-5", "slow gateway").toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertInstanceOf(SendResult.Accepted.class, r);
        carol.events().next(WaEvent.MessageReceived.class);
        assertEquals(1, bed.emulator.directory().pendingFor("491700000003", 0));
        assertEquals(1, carol.engine().metrics().pendingHandoffs(), "decrypted content kept for the redelivery");
    }

    @Test
    void handoffAnsweredAfterAReconnectIsAckedOnTheNewConnection() throws Exception {
        bob.events().holdHandoffs(true);
        send("A-6", "slow");
        WaEvent.MessageReceived held = bob.events().next(WaEvent.MessageReceived.class);
        reconnectBob(); // WhatsApp redelivers A-6 while the gateway still works on it
        held.handoff().delivered();
        WaEvent.ReceiptReceived delivered = alice.events().next(WaEvent.ReceiptReceived.class,
                r -> r.receipt().messageIds().contains("A-6"));
        assertEquals(Receipt.Type.DELIVERED, delivered.receipt().type());
        assertEquals(0, bed.emulator.directory().pendingFor(BOB, 0), "acked on the connection that is live now");
        assertEquals(1, bob.events().allOf(WaEvent.MessageReceived.class).stream()
                .filter(m -> m.messageId().equals("A-6")).count(), "the redelivery was not handed off again");
    }

    @Test
    void failedHandoffSurvivesARestartThroughThePendingInboundStore() throws Exception {
        bob.events().deliverHandoffs(false);
        send("A-7", "survive the restart");
        assertEquals("A-7", bob.events().next(WaEvent.MessageReceived.class).messageId());
        assertEquals(1, bob.pendingInbound().size(), "kept durably before the handoff");

        // the process stops before WhatsApp redelivers: a new engine over the same stores starts
        EngineTestBed.User restarted = bed.restarted(bob);
        restarted.connect();
        WaEvent.MessageReceived again = restarted.events().next(WaEvent.MessageReceived.class);
        assertEquals("A-7", again.messageId());
        assertEquals("survive the restart", assertInstanceOf(TextContent.class, again.content()).body());
        alice.events().next(WaEvent.ReceiptReceived.class, r -> r.receipt().messageIds().contains("A-7"));
        assertEquals(0, bed.emulator.directory().pendingFor(BOB, 0), "acked after the handoff");
        assertEquals(0, restarted.pendingInbound().size(), "the kept copy is dropped once handed off");
    }
}
