/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.client.DisconnectReason;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.stanza.FailureReason;
import org.wabridge.emulator.StreamErrorKind;

/**
 * The engine's answers to the server (issue 6, whatsapp-protocol.md §5.12, §8): the interop token's single
 * retry, stream errors 503/515 and a dead or dropped link reconnect with backoff, a temporary ban waits for its
 * expiry, and {@code replaced} / {@code device_removed} stop with the state and reason the gateway shows.
 */
class EngineRecoveryTest {
    private static final long ACCOUNT = 31337L;
    private static final String USER = Long.toString(ACCOUNT);

    @TempDir
    Path dir;
    private EngineTestBed bed;
    private EngineTestBed.User alice;

    @BeforeEach
    void start() throws Exception {
        bed = new EngineTestBed(dir);
        alice = bed.interop(ACCOUNT);
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    @Test
    void oneRejectedTokenIsRetriedWithAFreshOneAndLogsIn() throws Exception {
        bed.emulator.rejectNextTokens(1, FailureReason.TOKEN_EXPIRED);
        EngineState state = alice.connect();
        assertEquals(EngineState.Phase.ONLINE, state.phase());
        WaEvent.TokenRejected rejected = alice.events().next(WaEvent.TokenRejected.class);
        assertTrue(rejected.willRetry());
        assertEquals(FailureReason.TOKEN_EXPIRED.code(), rejected.code());
        alice.events().next(WaEvent.Connected.class);
    }

    @Test
    void twoRejectedTokensStopInTokenExpiredWithAPlainReason() throws Exception {
        bed.emulator.rejectNextTokens(2, FailureReason.TOKEN_INVALID);
        EngineState state = alice.connect();
        assertEquals(EngineState.Phase.TOKEN_EXPIRED, state.phase());
        assertTrue(state.lastError().orElseThrow().contains("freshly minted"), state.toString());
        assertTrue(alice.events().next(WaEvent.TokenRejected.class).willRetry());
        assertFalse(alice.events().next(WaEvent.TokenRejected.class).willRetry());
        assertFalse(alice.engine().isLoggedIn());
        assertTrue(alice.events().allOf(WaEvent.Connected.class).isEmpty());
        assertEquals(EngineState.Phase.ONLINE, alice.connect().phase(), "an explicit connect starts over");
    }

    private void assertReconnectsAfter(Runnable fault, DisconnectReason expected) throws Exception {
        alice.connect();
        alice.events().next(WaEvent.Connected.class);
        Instant before = Instant.now();
        fault.run();
        WaEvent.Disconnected gone = alice.events().next(WaEvent.Disconnected.class);
        assertEquals(expected, gone.reason());
        alice.events().nextState(EngineState.Phase.BACKOFF, before);
        alice.events().nextState(EngineState.Phase.ONLINE, before);
        alice.events().next(WaEvent.Connected.class);
        assertTrue(alice.engine().isLoggedIn());
    }

    @Test
    void serviceUnavailableStreamErrorReconnects() throws Exception {
        assertReconnectsAfter(() -> bed.emulator.sendStreamError(USER, 0, StreamErrorKind.SERVICE_UNAVAILABLE),
                DisconnectReason.SERVER_CLOSED);
    }

    @Test
    void restartRequiredStreamErrorReconnects() throws Exception {
        assertReconnectsAfter(() -> bed.emulator.sendStreamError(USER, 0, StreamErrorKind.RESTART_REQUIRED),
                DisconnectReason.SERVER_CLOSED);
    }

    @Test
    void droppedConnectionReconnects() throws Exception {
        assertReconnectsAfter(() -> bed.emulator.dropConnection(USER, 0), DisconnectReason.LINK_LOST);
    }

    @Test
    void halfOpenLinkIsDeclaredDeadAndReconnects() throws Exception {
        assertReconnectsAfter(() -> bed.emulator.silence(USER, 0), DisconnectReason.LINK_LOST);
    }

    @Test
    void replacedStopsWithoutReconnecting() throws Exception {
        alice.connect();
        bed.emulator.sendStreamError(USER, 0, StreamErrorKind.REPLACED);
        EngineState replaced = alice.events().nextState(EngineState.Phase.REPLACED).state();
        assertTrue(replaced.lastError().orElseThrow().contains("took over"), replaced.toString());
        assertEquals(DisconnectReason.REPLACED, alice.events().next(WaEvent.Disconnected.class).reason());
        assertEquals(EngineState.Phase.REPLACED, alice.engine().state().phase());
        assertEquals(1, alice.events().allOf(WaEvent.StateChanged.class).stream()
                .filter(s -> s.state().phase() == EngineState.Phase.CONNECTING).count(), "no reconnect attempt");
    }

    @Test
    void removedDeviceStopsWithoutReconnecting() throws Exception {
        alice.connect();
        bed.emulator.removeDevice(USER, 0);
        EngineState removed = alice.events().nextState(EngineState.Phase.DEVICE_REMOVED).state();
        assertTrue(removed.lastError().orElseThrow().contains("logged out"), removed.toString());
        assertFalse(alice.engine().isLoggedIn());
        assertEquals(1, alice.events().allOf(WaEvent.StateChanged.class).stream()
                .filter(s -> s.state().phase() == EngineState.Phase.CONNECTING).count(), "no reconnect attempt");
    }

    @Test
    void temporaryBanWaitsForItsExpiryThenLogsIn() throws Exception {
        alice.connect();
        Instant before = Instant.now();
        bed.emulator.directory().banTemporarily(USER, Duration.ofSeconds(1));
        bed.emulator.dropConnection(USER, 0);
        EngineState banned = alice.events().nextState(EngineState.Phase.TEMP_BANNED, before).state();
        assertTrue(banned.until().isPresent());
        assertTrue(banned.lastError().orElseThrow().contains("temporarily banned"), banned.toString());
        alice.events().nextState(EngineState.Phase.ONLINE, banned.since());
        alice.events().next(WaEvent.Connected.class); // the first login
        alice.events().next(WaEvent.Connected.class); // the one after the ban
    }
}
