/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wabridge.core.client.EngineState.Phase;
import org.wabridge.core.testing.MutableClock;

class EngineStateMachineTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final List<EngineState> seen = new ArrayList<>();
    private final EngineStateMachine machine = new EngineStateMachine(clock, seen::add);

    @Test
    void startsStoppedAndWalksAHappyPath() {
        assertEquals(Phase.STOPPED, machine.state().phase());
        machine.moveTo(Phase.CONNECTING);
        clock.advance(Duration.ofSeconds(1));
        machine.moveTo(Phase.ONLINE);
        assertEquals(List.of(Phase.CONNECTING, Phase.ONLINE), seen.stream().map(EngineState::phase).toList());
        assertEquals(clock.instant(), machine.state().since());
    }

    @Test
    void lastErrorIsKeptWhileRetryingAndClearedOnceOnline() {
        machine.moveTo(Phase.CONNECTING);
        Instant next = clock.instant().plusSeconds(4);
        machine.waitUntil(Phase.BACKOFF, next, "WhatsApp server unavailable (503)");
        assertEquals(Optional.of(next), machine.state().until());
        machine.moveTo(Phase.CONNECTING);
        assertEquals(Optional.of("WhatsApp server unavailable (503)"), machine.state().lastError());
        machine.moveTo(Phase.ONLINE);
        assertEquals(Optional.empty(), machine.state().lastError());
    }

    @Test
    void replacedAndDeviceRemovedNeverLeadBackToConnectingDirectly() {
        for (Phase hard : List.of(Phase.REPLACED, Phase.DEVICE_REMOVED)) {
            EngineStateMachine m = new EngineStateMachine(clock, s -> { });
            m.moveTo(Phase.CONNECTING);
            m.moveTo(Phase.ONLINE);
            m.fail(hard, "another connection took over");
            IllegalEngineTransitionException e = assertThrows(IllegalEngineTransitionException.class,
                    () -> m.moveTo(Phase.CONNECTING));
            assertTrue(e.getMessage().contains(hard + " -> CONNECTING"));
            assertTrue(hard.needsAttention());
            m.moveTo(Phase.STOPPED);
            m.moveTo(Phase.CONNECTING); // an explicit stop, then a person's connect, is allowed
        }
    }

    @Test
    void tempBanCarriesItsExpiry() {
        machine.moveTo(Phase.CONNECTING);
        Instant expiry = clock.instant().plus(Duration.ofHours(2));
        machine.waitUntil(Phase.TEMP_BANNED, expiry, "temporarily banned by WhatsApp");
        assertEquals(Optional.of(expiry), machine.state().until());
        assertThrows(IllegalArgumentException.class,
                () -> new EngineState(Phase.TEMP_BANNED, clock.instant(), Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> machine.waitUntil(Phase.ONLINE, expiry, "x"));
    }

    @Test
    void everyPhaseHasExactlyTheDocumentedSuccessors() {
        // the table in EngineState.Phase#next, spelled out independently
        assertEquals(java.util.EnumSet.of(Phase.CONNECTING), Phase.STOPPED.next());
        assertEquals(java.util.EnumSet.of(Phase.STOPPED), Phase.REPLACED.next());
        assertEquals(java.util.EnumSet.of(Phase.STOPPED), Phase.DEVICE_REMOVED.next());
        assertEquals(java.util.EnumSet.of(Phase.CONNECTING, Phase.STOPPED), Phase.TOKEN_EXPIRED.next());
        assertTrue(Phase.ONLINE.next().containsAll(List.of(Phase.BACKOFF, Phase.REPLACED, Phase.STOPPED)));
        assertTrue(!Phase.ONLINE.next().contains(Phase.CONNECTING));
        for (Phase p : Phase.values()) {
            assertTrue(!p.next().contains(p), p + " must not loop to itself");
        }
        assertThrows(IllegalEngineTransitionException.class, () -> machine.moveTo(Phase.ONLINE));
        assertEquals(List.of(), seen);
    }
}
