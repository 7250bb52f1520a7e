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
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.WaAccount;
import org.wabridge.emulator.EmulatorConfig;

/** Every refusal is a typed {@link SendResult.Rejected} (whatsapp-protocol.md §5.5, §8.11). */
class EngineSendErrorsTest {
    @TempDir
    Path dir;
    private EngineTestBed bed;
    private EngineTestBed.User alice;

    @BeforeEach
    void start() throws Exception {
        // one new contact per window: the second stranger trips the reach-out limit
        bed = new EngineTestBed(dir, EmulatorConfig.defaults().withLimits(256, 1 << 20, 1000, 600, 1));
        alice = bed.interop(31337L);
        alice.connect();
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    private static SendResult.Rejected rejected(WaAccount from, String to) throws Exception {
        SendResult r = from.sendText(to, "X-" + to.hashCode(), "hello").toCompletableFuture().get(30, TimeUnit.SECONDS);
        return assertInstanceOf(SendResult.Rejected.class, r, r.toString());
    }

    @Test
    void unknownUserIsRejectedAsUnknown() throws Exception {
        assertEquals(SendResult.Reason.UNKNOWN_USER, rejected(alice.engine(), "491709999999@s.whatsapp.net").reason());
        assertEquals(SendResult.Reason.UNKNOWN_USER, rejected(alice.engine(), "not a jid").reason());
    }

    @Test
    void userWithoutInteropOptInIsRejectedAsNotOptedIn() throws Exception {
        EngineTestBed.User carol = bed.consumer("491700000003", false);
        carol.connect(); // she has keys, like any real WhatsApp user
        SendResult.Rejected r = rejected(alice.engine(), carol.jid());
        assertEquals(SendResult.Reason.NOT_OPTED_IN, r.reason());
    }

    @Test
    void secondNewContactHitsTheReachOutLimit() throws Exception {
        EngineTestBed.User bob = bed.consumer("491700000002", true);
        EngineTestBed.User dave = bed.consumer("491700000004", true);
        bob.connect();
        dave.connect();
        SendResult first = alice.engine().sendText(bob.jid(), "A-1", "hi").toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertInstanceOf(SendResult.Accepted.class, first, first.toString());
        SendResult.Rejected r = rejected(alice.engine(), dave.jid());
        assertEquals(SendResult.Reason.REACH_OUT_LIMIT, r.reason());
        SendResult known = alice.engine().sendText(bob.jid(), "A-2", "again").toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertInstanceOf(SendResult.Accepted.class, known, "existing chats are not limited");
    }

    @Test
    void engineThatIsNotRunningRejectsWithoutQueueing() throws Exception {
        EngineTestBed.User idle = bed.interop(31999L);
        assertEquals(SendResult.Reason.ENGINE_STOPPED, rejected(idle.engine(), alice.jid()).reason());
        alice.engine().disconnect().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(SendResult.Reason.ENGINE_STOPPED, rejected(alice.engine(), "491700000002@s.whatsapp.net").reason());
    }
}
