/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.wabridge.core.testing.MutableClock;

/** Retry receipts hand out a bounded number of fresh one-time prekeys per hour. */
class RetryPreKeyBudgetTest {

    @Test
    void theBudgetIsSpentWithinAnHourAndRenewedAfterIt() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
        RetryPreKeyBudget budget = new RetryPreKeyBudget(clock, 3);

        assertTrue(budget.take());
        assertTrue(budget.take());
        assertTrue(budget.take());
        assertFalse(budget.take(), "a fourth within the hour gets the signed prekey only");
        clock.advance(Duration.ofMinutes(59));
        assertFalse(budget.take());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(budget.take(), "a new hour, a new budget");
    }
}
