/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.store.PendingInbound;
import org.wabridge.core.store.PendingInboundStore;
import org.wabridge.core.store.StoreException;

/**
 * {@link PendingInboundStore} of one account on table {@code ofWaPendingInbound}: received messages the gateway
 * has not confirmed yet, so a restart between decryption and handoff loses nothing. The plaintext column holds
 * message content; rows live only until the handoff succeeds (the engine bounds their number). A put is
 * delete-then-insert in one transaction, so no upsert dialect is needed.
 */
public final class JdbcPendingInboundStore implements PendingInboundStore {
    private static final String SELECT = "SELECT messageId, chatJid, plaintext, receivedAt FROM ofWaPendingInbound"
            + " WHERE account=? AND msgKey=?";
    private static final String DELETE = "DELETE FROM ofWaPendingInbound WHERE account=? AND msgKey=?";
    private static final String INSERT = "INSERT INTO ofWaPendingInbound (account, msgKey, messageId, chatJid,"
            + " plaintext, receivedAt) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String COUNT = "SELECT COUNT(*) FROM ofWaPendingInbound WHERE account=?";

    private final ConnectionProvider connections;
    private final String account;

    public JdbcPendingInboundStore(ConnectionProvider connections, String account) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.account = Objects.requireNonNull(account, "account");
    }

    @Override
    public void put(PendingInbound record) {
        try {
            DeadlockRetry.run(() -> {
                putOnce(record);
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot keep received message " + record.messageId(), e);
        }
    }

    private void putOnce(PendingInbound record) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                delete(connection, record.key());
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setString(1, account);
                    insert.setString(2, record.key());
                    insert.setString(3, record.messageId());
                    insert.setString(4, record.chatJid());
                    insert.setBytes(5, record.plaintext());
                    insert.setLong(6, record.receivedAt().toEpochMilli());
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    @Override
    public Optional<PendingInbound> get(String key) {
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, account);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PendingInbound(key, rs.getString(1), rs.getString(2),
                        JdbcAccess.copy(rs.getBytes(3)), Instant.ofEpochMilli(rs.getLong(4))));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read a kept received message", e);
        }
    }

    @Override
    public void remove(String key) {
        try (Connection connection = connections.getConnection()) {
            delete(connection, key);
        } catch (SQLException e) {
            throw new StoreException("cannot drop a kept received message", e);
        }
    }

    @Override
    public int size() {
        try (Connection connection = connections.getConnection();
             PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setString(1, account);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count kept received messages", e);
        }
    }

    /** Deletes every record of this account (unregistration). */
    public void clear() {
        try (Connection connection = connections.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM ofWaPendingInbound WHERE account=?")) {
            delete.setString(1, account);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot clear kept received messages", e);
        }
    }

    private void delete(Connection connection, String key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, account);
            delete.setString(2, key);
            delete.executeUpdate();
        }
    }
}
