/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to ping and when to give up on a silent link (whatsapp-protocol.md §2.8): a {@code w:p} ping at a
 * random 20–30 s interval, and the link declared dead once nothing at all arrived for 40 s. Any received
 * frame counts as life, so a busy link is never pinged into the ground. Pure.
 *
 * @param minInterval shortest gap between pings
 * @param maxInterval longest gap between pings
 * @param deadAfter   silence after which the link is dead; must exceed {@code maxInterval} so a healthy
 *                    link always gets a ping answered in time
 */
public record KeepAlivePolicy(Duration minInterval, Duration maxInterval, Duration deadAfter) {
    public KeepAlivePolicy {
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        Objects.requireNonNull(deadAfter, "deadAfter");
        if (minInterval.isNegative() || minInterval.isZero() || maxInterval.compareTo(minInterval) < 0
                || deadAfter.compareTo(maxInterval) <= 0) {
            throw new IllegalArgumentException("need 0 < min <= max < deadAfter, got " + minInterval + ", "
                    + maxInterval + ", " + deadAfter);
        }
    }

    /** 20–30 s pings, dead after 40 s of silence. */
    public static KeepAlivePolicy defaults() {
        return new KeepAlivePolicy(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(40));
    }

    /** A uniformly random delay in {@code [minInterval, maxInterval]}. */
    public Duration nextPingDelay(RandomGenerator random) {
        long spread = maxInterval.toMillis() - minInterval.toMillis();
        return minInterval.plusMillis(spread == 0 ? 0 : random.nextLong(spread + 1));
    }

    /** True once {@code now} is {@code deadAfter} or more past the last received frame. */
    public boolean isDead(Instant lastReceived, Instant now) {
        return !now.isBefore(lastReceived.plus(deadAfter));
    }

    /** How long from {@code now} until the link would be dead if nothing arrives (zero if already). */
    public Duration untilDead(Instant lastReceived, Instant now) {
        Duration left = Duration.between(now, lastReceived.plus(deadAfter));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** How long to wait for a ping's answer: whatever remains before the dead-link deadline. */
    public Duration pingTimeout() {
        return deadAfter.minus(minInterval);
    }
}
