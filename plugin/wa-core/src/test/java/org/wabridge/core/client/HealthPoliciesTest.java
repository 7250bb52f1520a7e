/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.wabridge.core.testing.MutableClock;

/** Backoff, the global connect-rate limit and keepalive timing, with injected randomness and a fake clock. */
class HealthPoliciesTest {
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    /** A generator that always returns its bound minus one (the top of every range). */
    private static final RandomGenerator TOP = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    @Test
    void backoffCeilingDoublesUntilTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), TOP);
        assertEquals(Duration.ofSeconds(1), backoff.ceiling(0));
        assertEquals(Duration.ofSeconds(2), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(32), backoff.ceiling(5));
        assertEquals(Duration.ofSeconds(60), backoff.ceiling(6));
        assertEquals(Duration.ofSeconds(60), backoff.ceiling(1000));
        assertEquals(Duration.ofSeconds(32), backoff.delay(5)); // TOP draws the ceiling itself
    }

    @Property
    void backoffDelayIsAlwaysWithinZeroAndTheCeiling(@ForAll @IntRange(min = 0, max = 500) int attempt,
                                                     @ForAll long seed) {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(5), new Random(seed));
        Duration d = backoff.delay(attempt);
        assertFalse(d.isNegative());
        assertTrue(d.compareTo(backoff.ceiling(attempt)) <= 0);
    }

    @Test
    void backoffJitterActuallySpreadsTheDelays() {
        Backoff backoff = Backoff.defaults(new Random(7));
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(backoff.delay(8));
        }
        assertTrue(seen.size() > 40, "full jitter should give distinct delays, got " + seen.size());
    }

    @Test
    void backoffRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), TOP));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), TOP));
        assertThrows(IllegalArgumentException.class, () -> Backoff.defaults(TOP).ceiling(-1));
    }

    @Test
    void rateLimiterAllowsTheBurstThenTheSustainedRate() {
        MutableClock clock = new MutableClock(T0);
        ConnectRateLimiter limiter = new ConnectRateLimiter(10, 3, clock);
        assertTrue(limiter.tryAcquire());
        assertTrue(limiter.tryAcquire());
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
        assertEquals(Duration.ofMillis(100), limiter.timeUntilPermit());
        clock.advance(Duration.ofMillis(99));
        assertFalse(limiter.tryAcquire());
        clock.advance(Duration.ofMillis(1));
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
        clock.advance(Duration.ofHours(1)); // a long quiet spell refills only up to the burst
        int granted = 0;
        while (limiter.tryAcquire()) {
            granted++;
        }
        assertEquals(3, granted);
    }

    @Property
    void rateLimiterNeverGrantsMoreThanBurstPlusRateTimesElapsed(
            @ForAll @LongRange(min = 0, max = 5_000) long stepMillis, @ForAll @IntRange(min = 1, max = 200) int steps) {
        MutableClock clock = new MutableClock(T0);
        ConnectRateLimiter limiter = new ConnectRateLimiter(5, 4, clock);
        int granted = 0;
        for (int i = 0; i < steps; i++) {
            while (limiter.tryAcquire()) {
                granted++;
            }
            clock.advance(Duration.ofMillis(stepMillis));
        }
        long elapsed = stepMillis * (steps - 1);
        assertTrue(granted <= 4 + elapsed * 5 / 1000, "granted " + granted + " in " + elapsed + " ms");
    }

    @Test
    void keepAlivePingsBetweenTwentyAndThirtySeconds() {
        KeepAlivePolicy policy = KeepAlivePolicy.defaults();
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            Duration d = policy.nextPingDelay(random);
            assertTrue(d.compareTo(Duration.ofSeconds(20)) >= 0 && d.compareTo(Duration.ofSeconds(30)) <= 0, d.toString());
        }
        assertEquals(Duration.ofSeconds(30), policy.nextPingDelay(TOP));
    }

    @Test
    void keepAliveDeclaresTheLinkDeadAtFortySecondsOfSilence() {
        KeepAlivePolicy policy = KeepAlivePolicy.defaults();
        assertFalse(policy.isDead(T0, T0.plusSeconds(39)));
        assertTrue(policy.isDead(T0, T0.plusSeconds(40)));
        assertEquals(Duration.ofSeconds(15), policy.untilDead(T0, T0.plusSeconds(25)));
        assertEquals(Duration.ZERO, policy.untilDead(T0, T0.plusSeconds(90)));
        assertThrows(IllegalArgumentException.class,
                () -> new KeepAlivePolicy(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30)));
    }
}
