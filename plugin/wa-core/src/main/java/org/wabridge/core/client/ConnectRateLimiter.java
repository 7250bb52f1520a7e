/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket shared by every engine in the JVM, so a server restart or a mass login does not open
 * thousands of Noise sessions at once (whatsapp-protocol.md §8: connection hygiene). Thread-safe; time comes
 * from the injected clock.
 */
public final class ConnectRateLimiter {
    private final Clock clock;
    private final double permitsPerMilli;
    private final double burst;
    private double available;
    private long lastRefillMillis;

    /**
     * @param permitsPerSecond sustained connect rate
     * @param burst            connects allowed back to back after a quiet period (bucket size)
     */
    public ConnectRateLimiter(double permitsPerSecond, int burst, Clock clock) {
        if (!(permitsPerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("need a positive rate and burst >= 1");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.permitsPerMilli = permitsPerSecond / 1000.0;
        this.burst = burst;
        this.available = burst;
        this.lastRefillMillis = clock.millis();
    }

    /** Takes a permit if one is available now. */
    public synchronized boolean tryAcquire() {
        refill();
        if (available >= 1) {
            available -= 1;
            return true;
        }
        return false;
    }

    /** How long until {@link #tryAcquire} can succeed (zero if it can now); the caller schedules a retry. */
    public synchronized Duration timeUntilPermit() {
        refill();
        if (available >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) Math.ceil((1 - available) / permitsPerMilli));
    }

    private void refill() {
        long now = clock.millis();
        long elapsed = Math.max(0, now - lastRefillMillis); // a clock stepping back must not drain the bucket
        available = Math.min(burst, available + elapsed * permitsPerMilli);
        lastRefillMillis = Math.max(lastRefillMillis, now);
    }
}
