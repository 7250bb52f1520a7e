/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import org.wabridge.core.store.StoreException;
import org.wabridge.core.store.StoreTransactions;

/**
 * Transaction boundary of one account's JDBC stores. A unit of work gets one connection, bound to the calling
 * thread, with auto-commit off; its first statement updates the account's row in {@code ofWaSignalAccount}, a row
 * lock held until commit, which serializes all units of work of the account across threads and processes while
 * other accounts proceed. Nested units join the outer one.
 */
public final class JdbcTransactions implements StoreTransactions {

    private static final String LOCK_ACCOUNT =
            "UPDATE ofWaSignalAccount SET lockVersion = lockVersion + 1 WHERE account = ?";
    private static final String INSERT_ACCOUNT =
            "INSERT INTO ofWaSignalAccount (account, nextPreKeyId, nextSignedPreKeyId, nextKyberPreKeyId, lockVersion)"
                    + " VALUES (?, 1, 1, 1, 0)";

    private final ConnectionProvider connections;
    private final String account;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    JdbcTransactions(ConnectionProvider connections, String account) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.account = Objects.requireNonNull(account, "account");
    }

    @Override
    public <T, E extends Exception> T inTransaction(UnitOfWork<T, E> work) throws E {
        if (bound.get() != null) {
            return work.run();
        }
        Connection connection = begin();
        bound.set(connection);
        boolean committed = false;
        try {
            T result = work.run();
            commit(connection);
            committed = true;
            return result;
        } finally {
            bound.remove();
            finish(connection, committed);
        }
    }

    /** The connection of the unit of work running on this thread, or null outside one. */
    Connection boundConnection() {
        return bound.get();
    }

    ConnectionProvider connections() {
        return connections;
    }

    /** Creates the account's row unless it exists; run once when the stores are opened, in its own transaction. */
    void ensureAccountRow() {
        try (Connection connection = connections.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement(LOCK_ACCOUNT)) {
                lock.setString(1, account);
                if (lock.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ACCOUNT)) {
                insert.setString(1, account);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                // another node or thread created it first: fine
            }
        } catch (SQLException e) {
            throw new StoreException("cannot create the Signal account row", e);
        }
    }

    private Connection begin() {
        Connection connection = null;
        try {
            connection = connections.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(LOCK_ACCOUNT)) {
                lock.setString(1, account);
                if (lock.executeUpdate() == 0) {
                    throw new SQLException("Signal account row missing (stores not opened through JdbcSignalStores?)");
                }
            }
            return connection;
        } catch (SQLException e) {
            StoreException failure = new StoreException("cannot begin a unit of work", e);
            if (connection != null) {
                finish(connection, false, failure);
            }
            throw failure;
        }
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new StoreException("commit failed; the unit of work was rolled back", e);
        }
    }

    private static void finish(Connection connection, boolean committed) {
        finish(connection, committed, null);
    }

    private static void finish(Connection connection, boolean committed, Exception primary) {
        try {
            if (!committed) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (primary != null) {
                primary.addSuppressed(e);
            }
            // the pool discards broken connections; the unit of work's outcome is already decided
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                if (primary != null) {
                    primary.addSuppressed(e);
                }
            }
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
