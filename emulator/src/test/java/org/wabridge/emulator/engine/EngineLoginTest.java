/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.WaEvent;
import org.wabridge.emulator.DeviceAddress;

/** Login, the interop token's one retry, and the engine's answers to logins that fail for good. */
class EngineLoginTest {
    @TempDir
    Path dir;
    private EngineTestBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = new EngineTestBed(dir);
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    @Test
    void interopLoginReachesOnlineWithConnectedAndBootstrapsKeys() throws Exception {
        EngineTestBed.User alice = bed.interop(31337L);
        EngineState state = alice.connect();
        assertEquals(EngineState.Phase.ONLINE, state.phase());
        assertTrue(alice.engine().isLoggedIn());
        WaEvent.Connected connected = alice.events().next(WaEvent.Connected.class);
        assertEquals(Optional.of("31337@lid"), connected.ownLid());
        assertEquals(30, bed.emulator.keys().count(new DeviceAddress("31337", 0, true)),
                "the first login uploads the policy's initial prekey batch");
        assertTrue(bed.emulator.isOnline("31337", 0));
        assertEquals(EngineState.Phase.ONLINE, alice.connect().phase(), "connect is idempotent while running");
    }

    @Test
    void consumerLoginWithRegisteredNoiseKeyReachesOnline() throws Exception {
        EngineTestBed.User bob = bed.consumer("491700000002", true);
        assertEquals(EngineState.Phase.ONLINE, bob.connect().phase());
        bob.events().next(WaEvent.Connected.class);
        assertTrue(bed.emulator.isOnline("491700000002", 0));
    }

    @Test
    void disconnectStopsAndClosesTheSession() throws Exception {
        EngineTestBed.User alice = bed.interop(31338L);
        alice.connect();
        alice.engine().disconnect().toCompletableFuture().get();
        assertEquals(EngineState.Phase.STOPPED, alice.engine().state().phase());
        assertFalse(alice.engine().isLoggedIn());
    }
}
