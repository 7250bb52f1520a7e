/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wabridge.core.client.LifecycleController.Action;
import org.wabridge.core.client.LifecycleController.Decision;
import org.wabridge.core.testing.MutableClock;

class LifecycleControllerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));

    @Test
    void followClientOpensOnTheFirstResourceOnly() {
        LifecycleController c = new LifecycleController(LifecycleMode.FOLLOW_CLIENT, Duration.ofMillis(500));
        assertEquals(Action.NONE, c.start().action());
        assertEquals(Action.OPEN, c.resourceOnline("phone").action());
        assertEquals(Action.NONE, c.resourceOnline("laptop").action());
        assertTrue(c.wantsOpen());
    }

    @Test
    void followClientClosesWithinOneSecondAfterTheLastResourceLeaves() {
        LifecycleController c = new LifecycleController(LifecycleMode.FOLLOW_CLIENT, Duration.ofMillis(500));
        c.resourceOnline("phone");
        c.resourceOnline("laptop");
        assertEquals(Action.NONE, c.resourceOffline("phone", clock.instant()).action());
        Decision d = c.resourceOffline("laptop", clock.instant());
        assertEquals(Action.CHECK_LATER, d.action());
        assertEquals(Optional.of(clock.instant().plusMillis(500)), d.checkAt());
        Decision early = c.onTimer(clock.instant().plusMillis(499));
        assertEquals(Action.CHECK_LATER, early.action(), "a timer firing early asks again");
        assertEquals(d.checkAt(), early.checkAt());
        assertTrue(c.wantsOpen());
        clock.advance(Duration.ofMillis(500));
        assertEquals(Action.CLOSE, c.onTimer(clock.instant()).action());
        assertFalse(c.wantsOpen());
        assertEquals(Action.NONE, c.onTimer(clock.instant().plusSeconds(5)).action());
    }

    @Test
    void aClientComingBackDuringTheGraceCancelsTheClose() {
        LifecycleController c = new LifecycleController(LifecycleMode.FOLLOW_CLIENT, Duration.ofMillis(800));
        c.resourceOnline("phone");
        c.resourceOffline("phone", clock.instant());
        clock.advance(Duration.ofMillis(300));
        assertEquals(Action.NONE, c.resourceOnline("phone").action()); // still open, nothing to do
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Action.NONE, c.onTimer(clock.instant()).action());
        assertTrue(c.wantsOpen());
    }

    @Test
    void zeroGraceClosesImmediatelyAndReopensOnReturn() {
        LifecycleController c = new LifecycleController(LifecycleMode.FOLLOW_CLIENT, Duration.ZERO);
        c.resourceOnline("a");
        assertEquals(Action.CLOSE, c.resourceOffline("a", clock.instant()).action());
        assertEquals(Action.OPEN, c.resourceOnline("a").action());
    }

    @Test
    void alwaysOnOpensAtStartAndIgnoresPresence() {
        LifecycleController c = new LifecycleController(LifecycleMode.ALWAYS_ON, Duration.ofMillis(500));
        assertEquals(Action.OPEN, c.start().action());
        assertEquals(Action.NONE, c.resourceOnline("a").action());
        assertEquals(Action.NONE, c.resourceOffline("a", clock.instant()).action());
        assertEquals(Action.NONE, c.onTimer(clock.instant().plusSeconds(10)).action());
        assertTrue(c.wantsOpen());
    }

    @Test
    void unknownResourceLeavingWhileClosedDoesNothingAndGraceIsBounded() {
        LifecycleController c = new LifecycleController(LifecycleMode.FOLLOW_CLIENT, Duration.ofMillis(500));
        assertEquals(Action.NONE, c.resourceOffline("ghost", clock.instant()).action());
        assertThrows(IllegalArgumentException.class,
                () -> new LifecycleController(LifecycleMode.FOLLOW_CLIENT, Duration.ofMillis(1001)));
    }
}
