/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.TextContent;
import org.wabridge.core.signal.SignalAddress;

/**
 * Retry receipts both ways (whatsapp-protocol.md §5.8): the receiving engine lost its Signal session with the
 * sender, cannot decrypt, sends a retry receipt; the sending engine answers from its RecentSentStore with a
 * fresh session and the message arrives after all, intact and once.
 */
class EngineRetryReceiptTest {
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
        // sessions in both directions first, so the later messages are plain "msg" ciphertexts
        send(alice, bob, "A-0", "hello");
        bob.events().next(WaEvent.MessageReceived.class);
        send(bob, alice, "B-0", "hello back");
        alice.events().next(WaEvent.MessageReceived.class);
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    private static void send(EngineTestBed.User from, EngineTestBed.User to, String id, String body) throws Exception {
        SendResult r = from.engine().sendText(to.jid(), id, body).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertInstanceOf(SendResult.Accepted.class, r, r.toString());
    }

    private static SignalAddress addressOf(EngineTestBed.User user) throws Exception {
        WaJid device = WaJid.parse(user.jid());
        return new SignalAddress(device.signalAddressName(), device.device());
    }

    @Test
    void receiverWithoutTheSessionGetsTheMessageThroughARetry() throws Exception {
        bob.crypto().deleteSession(addressOf(alice));
        send(alice, bob, "A-1", "after the loss");
        WaEvent.MessageReceived got = bob.events().next(WaEvent.MessageReceived.class);
        assertEquals("A-1", got.messageId());
        assertEquals("after the loss", assertInstanceOf(TextContent.class, got.content()).body());
        assertTrue(bob.crypto().hasSession(addressOf(alice)), "the retry built a new session");
        assertTrue(bob.events().allOf(WaEvent.MessageUndecryptable.class).isEmpty());

        send(alice, bob, "A-2", "and it keeps working");
        assertEquals("A-2", bob.events().next(WaEvent.MessageReceived.class).messageId());
    }

    @Test
    void retryWorksTheOtherWayToo() throws Exception {
        alice.crypto().deleteSession(addressOf(bob));
        send(bob, alice, "B-1", "from WhatsApp after the loss");
        WaEvent.MessageReceived got = alice.events().next(WaEvent.MessageReceived.class);
        assertEquals("B-1", got.messageId());
        assertEquals("from WhatsApp after the loss", assertInstanceOf(TextContent.class, got.content()).body());
        assertFalse(alice.events().allOf(WaEvent.MessageReceived.class).stream()
                .filter(m -> m.messageId().equals("B-1")).count() > 1, "handed off once");
    }
}
