/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How many fresh one-time prekeys retry receipts may hand out per hour. Each is stored until its sender uses it,
 * and anyone can send undecryptable messages under new ids, so without a budget a stranger could grow the key
 * store without end. Past the budget a retry carries the signed prekey only, which X3DH accepts. Not
 * thread-safe: used on one engine's serial queue.
 */
final class RetryPreKeyBudget {

    static final int PER_HOUR = 50;
    private static final Duration WINDOW = Duration.ofHours(1);

    private final Clock clock;
    private final int limit;
    private Instant windowStart = Instant.MIN;
    private int spent;

    RetryPreKeyBudget(Clock clock, int limit) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limit = limit;
    }

    /** @return true if one more fresh prekey may go out now (and counts it) */
    boolean take() {
        Instant now = clock.instant();
        if (windowStart == Instant.MIN || !now.isBefore(windowStart.plus(WINDOW))) {
            windowStart = now;
            spent = 0;
        }
        if (spent >= limit) {
            return false;
        }
        spent++;
        return true;
    }
}
