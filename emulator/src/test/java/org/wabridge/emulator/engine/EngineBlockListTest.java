/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.client.BlockListResult;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.message.TextContent;

/**
 * The bridge's engine blocks and unblocks a WhatsApp user through the emulator: the server keeps the list, a
 * blocked user's messages are acknowledged to it but never delivered, and an unblock lets the next one through.
 */
class EngineBlockListTest {
    @TempDir
    Path dir;
    private EngineTestBed bed;
    private EngineTestBed.User alice; // interop (the bridge side)
    private EngineTestBed.User bob;   // WhatsApp user

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

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private SendResult bobSays(String id, String text) throws Exception {
        return await(bob.engine().sendMessage(alice.jid(), id, TextContent.of(text)));
    }

    @Test
    void aBlockedUsersMessagesAreAcknowledgedButNotDeliveredUntilUnblocked() throws Exception {
        assertInstanceOf(SendResult.Accepted.class, await(alice.engine().block(bob.jid())));
        assertEquals(List.of(bob.jid()), bed.emulator.blockListOf("31337"));
        assertEquals(new BlockListResult.Listed(List.of(bob.jid())), await(alice.engine().blockList()));

        // bob's client sees its message accepted by the server (one tick), alice never gets it
        assertInstanceOf(SendResult.Accepted.class, bobSays("B-blocked", "can you hear me?"));

        assertInstanceOf(SendResult.Accepted.class, await(alice.engine().unblock(bob.jid())));
        assertEquals(List.of(), bed.emulator.blockListOf("31337"));
        assertInstanceOf(SendResult.Accepted.class, bobSays("B-after", "and now?"));
        // messages arrive in order: had the blocked one been delivered, it would come first
        WaEvent.MessageReceived first = alice.events().next(WaEvent.MessageReceived.class);
        assertEquals("B-after", first.messageId());
    }

    @Test
    void withoutAConnectionTheChangeIsRefusedWithATypedReason() throws Exception {
        await(alice.engine().disconnect());
        SendResult r = await(alice.engine().block(bob.jid()));
        assertInstanceOf(SendResult.Rejected.class, r);
        BlockListResult list = await(alice.engine().blockList());
        assertInstanceOf(BlockListResult.Unavailable.class, list);
        assertEquals(List.of(), bed.emulator.blockListOf("31337"));
    }

    @Test
    void aNonWhatsAppAddressIsRefusedAsUnknown() throws Exception {
        SendResult.Rejected r = assertInstanceOf(SendResult.Rejected.class,
                await(alice.engine().block("not a jid")));
        assertEquals(SendResult.Reason.UNKNOWN_USER, r.reason());
    }
}
