/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: capped exponential with full jitter, i.e. a uniform draw from
 * {@code [0, min(cap, base * 2^attempt)]}. Full jitter spreads a fleet of engines that lost the server at the
 * same moment, so they do not all come back in lockstep. Pure; the random source is injected.
 */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.random = Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap, got base " + base + ", cap " + cap);
        }
    }

    /** Defaults: 1 s base, 5 min cap. */
    public static Backoff defaults(RandomGenerator random) {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), random);
    }

    /** The upper bound of the delay before reconnect attempt {@code attempt} (0 = first retry). */
    public Duration ceiling(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0: " + attempt);
        }
        long baseMillis = base.toMillis();
        // shifting past 62 bits overflows; anything that large is above every sensible cap anyway
        if (attempt >= 62 || baseMillis > (cap.toMillis() >> Math.min(attempt, 62))) {
            return cap;
        }
        return Duration.ofMillis(Math.min(cap.toMillis(), baseMillis << attempt));
    }

    /** A random delay in {@code [0, ceiling(attempt)]}. */
    public Duration delay(int attempt) {
        long ceiling = ceiling(attempt).toMillis();
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }
}
