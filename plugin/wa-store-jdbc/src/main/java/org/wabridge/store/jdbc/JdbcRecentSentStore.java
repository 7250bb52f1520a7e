/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.wabridge.core.store.RecentSentStore;
import org.wabridge.core.store.SentMessageRecord;
import org.wabridge.core.store.StoreException;

/**
 * {@link RecentSentStore} of one account on table {@code ofWaRecentSent}, so a retry receipt that arrives after a
 * restart can still be answered. The plaintext column holds message content: the store is bounded by
 * {@code capacity} and the oldest rows (by send time, then insertion) are deleted on every put beyond it.
 * Each put is delete-then-insert of the id plus the trim, in one transaction; {@code seq} orders rows that share a
 * send time and is seeded from the table so it keeps growing across restarts.
 */
public final class JdbcRecentSentStore implements RecentSentStore {
    private static final String COLUMNS = "messageId, chatJid, stanzaType, editAttr, plaintext, sentAt";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM ofWaRecentSent WHERE account=? AND messageId=?";
    private static final String DELETE = "DELETE FROM ofWaRecentSent WHERE account=? AND messageId=?";
    private static final String INSERT = "INSERT INTO ofWaRecentSent (account, " + COLUMNS + ", seq)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COUNT = "SELECT COUNT(*) FROM ofWaRecentSent WHERE account=?";
    private static final String OLDEST = "SELECT messageId FROM ofWaRecentSent WHERE account=?"
            + " ORDER BY sentAt ASC, seq ASC";
    private static final String MAX_SEQ = "SELECT MAX(seq) FROM ofWaRecentSent WHERE account=?";

    private final ConnectionProvider connections;
    private final String account;
    private final int capacity;
    private final AtomicLong seq;

    public JdbcRecentSentStore(ConnectionProvider connections, String account, int capacity) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.account = Objects.requireNonNull(account, "account");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.seq = new AtomicLong(maxSeq());
    }

    @Override
    public void put(SentMessageRecord record) {
        inTransaction("store sent message " + record.messageId(), connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, account);
                delete.setString(2, record.messageId());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, account);
                insert.setString(2, record.messageId());
                insert.setString(3, record.chatJid());
                insert.setString(4, record.stanzaType());
                if (record.edit().isPresent()) {
                    insert.setString(5, record.edit().get());
                } else {
                    insert.setNull(5, Types.VARCHAR);
                }
                insert.setBytes(6, record.plaintext());
                insert.setLong(7, record.sentAt().toEpochMilli());
                insert.setLong(8, seq.incrementAndGet());
                insert.executeUpdate();
            }
            trim(connection);
            return null;
        });
    }

    @Override
    public Optional<SentMessageRecord> get(String messageId) {
        return read("read sent message " + messageId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setString(1, account);
                select.setString(2, messageId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new SentMessageRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                            Optional.ofNullable(rs.getString(4)), JdbcAccess.copy(rs.getBytes(5)),
                            Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
        });
    }

    @Override
    public void remove(String messageId) {
        inTransaction("remove sent message " + messageId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, account);
                delete.setString(2, messageId);
                delete.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public int size() {
        return read("count sent messages", this::count);
    }

    @Override
    public int capacity() {
        return capacity;
    }

    /** Deletes every record of this account (unregistration). */
    public void clear() {
        inTransaction("clear sent messages", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ofWaRecentSent WHERE account=?")) {
                delete.setString(1, account);
                delete.executeUpdate();
            }
            return null;
        });
    }

    private int count(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setString(1, account);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void trim(Connection connection) throws SQLException {
        int excess = count(connection) - capacity;
        if (excess <= 0) {
            return;
        }
        List<String> victims = new ArrayList<>(excess);
        try (PreparedStatement oldest = connection.prepareStatement(OLDEST)) {
            oldest.setString(1, account);
            oldest.setMaxRows(excess);
            try (ResultSet rs = oldest.executeQuery()) {
                while (rs.next() && victims.size() < excess) {
                    victims.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            for (String id : victims) {
                delete.setString(1, account);
                delete.setString(2, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private long maxSeq() {
        return read("read sequence", connection -> {
            try (PreparedStatement max = connection.prepareStatement(MAX_SEQ)) {
                max.setString(1, account);
                try (ResultSet rs = max.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    private <T> T read(String what, JdbcAccess.SqlWork<T> work) {
        try (Connection connection = connections.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what, e);
        }
    }

    private <T> T inTransaction(String what, JdbcAccess.SqlWork<T> work) {
        try {
            return DeadlockRetry.run(() -> {
                try (Connection connection = connections.getConnection()) {
                    boolean autoCommit = connection.getAutoCommit();
                    connection.setAutoCommit(false);
                    try {
                        T result = work.run(connection);
                        connection.commit();
                        return result;
                    } catch (SQLException | RuntimeException e) {
                        connection.rollback();
                        throw e;
                    } finally {
                        connection.setAutoCommit(autoCommit);
                    }
                }
            });
        } catch (SQLException e) {
            throw new StoreException("cannot " + what, e);
        }
    }
}
