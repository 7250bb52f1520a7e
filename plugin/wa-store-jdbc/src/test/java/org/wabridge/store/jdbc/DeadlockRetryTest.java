/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Deadlock victims (SQLState class 40) are run again, a bounded number of times; other failures are not. */
class DeadlockRetryTest {

    @Test
    void aTransactionRolledBackForADeadlockRunsAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        String result = DeadlockRetry.run(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new SQLException("Deadlock found when trying to get lock", "40001", 1213);
            }
            return "committed";
        });
        assertEquals("committed", result);
        assertEquals(3, attempts.get());
    }

    @Test
    void otherFailuresAndEndlessDeadlocksReachTheCaller() {
        AtomicInteger attempts = new AtomicInteger();
        SQLException duplicate = new SQLException("duplicate key", "23505");
        assertSame(duplicate, assertThrows(SQLException.class, () -> DeadlockRetry.run(() -> {
            attempts.incrementAndGet();
            throw duplicate;
        })));
        assertEquals(1, attempts.get());

        attempts.set(0);
        assertThrows(SQLTransactionRollbackException.class, () -> DeadlockRetry.run(() -> {
            attempts.incrementAndGet();
            throw new SQLTransactionRollbackException("deadlock detected", "40P01");
        }));
        assertEquals(DeadlockRetry.ATTEMPTS, attempts.get());
    }
}
