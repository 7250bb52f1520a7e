/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.wabridge.core.store.StoreException;

/**
 * How the DAOs reach the database: reads use the unit of work's connection if one is running on this thread, else
 * a short-lived auto-commit connection; writes always run inside a unit of work (joining the running one), so a
 * write outside any unit of work is still atomic and takes the account lock.
 */
final class JdbcAccess {

    /** A JDBC step. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final JdbcTransactions transactions;
    final String account;

    JdbcAccess(JdbcTransactions transactions, String account) {
        this.transactions = transactions;
        this.account = account;
    }

    /** Some drivers (HSQLDB in memory) hand out their own array; callers get a copy they may change. */
    static byte[] copy(byte[] value) {
        return value == null ? null : value.clone();
    }

    <T> T read(String what, SqlWork<T> work) {
        Connection bound = transactions.boundConnection();
        try {
            if (bound != null) {
                return work.run(bound);
            }
            try (Connection connection = transactions.connections().getConnection()) {
                connection.setAutoCommit(true);
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read " + what, e);
        }
    }

    <T> T write(String what, SqlWork<T> work) {
        return transactions.inTransaction(() -> {
            try {
                return work.run(transactions.boundConnection());
            } catch (SQLException e) {
                throw new StoreException("cannot write " + what, e);
            }
        });
    }
}
