/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs a whole transaction again when the database rolled it back to break a deadlock or a serialization
 * conflict (SQLState class 40). InnoDB (MySQL, MariaDB) does this to concurrent writers of neighbouring rows
 * as a matter of course, and expects the client to retry; any other failure passes through at once.
 */
final class DeadlockRetry {

    static final int ATTEMPTS = 5;

    /** One attempt: opens its own connection and transaction, so a retry starts clean. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws SQLException;
    }

    private DeadlockRetry() {
    }

    static <T> T run(Attempt<T> attempt) throws SQLException {
        for (int i = 1; ; i++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (i >= ATTEMPTS || !rolledBack(e)) {
                    throw e;
                }
                pause(i);
            }
        }
    }

    static boolean rolledBack(SQLException e) {
        return e instanceof SQLTransactionRollbackException
                || e.getSQLState() != null && e.getSQLState().startsWith("40");
    }

    /** A few milliseconds, growing and jittered, so the same writers do not collide again in lockstep. */
    private static void pause(int attempt) {
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(1, 4L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
