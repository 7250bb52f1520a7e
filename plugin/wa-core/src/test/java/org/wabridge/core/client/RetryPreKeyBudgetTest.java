/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Retry receipts hand out a bounded number of fresh one-time prekeys per hour. */
class RetryPreKeyBudgetTest {

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-07T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theBudgetIsSpentWithinAnHourAndRenewedAfterIt() {
        MovableClock clock = new MovableClock();
        RetryPreKeyBudget budget = new RetryPreKeyBudget(clock, 3);

        assertTrue(budget.take());
        assertTrue(budget.take());
        assertTrue(budget.take());
        assertFalse(budget.take(), "a fourth within the hour gets the signed prekey only");
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertFalse(budget.take());
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertTrue(budget.take(), "a new hour, a new budget");
    }
}
