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
import org.wabridge.core.auth.AuthException;
import org.wabridge.core.auth.PrivateKeyMaterial;
import org.wabridge.core.auth.ProviderKeyStore;
import org.wabridge.core.auth.StoredProviderKey;

/**
 * {@link ProviderKeyStore} on table {@code ofWaProviderKey}. It stores the bytes it is given: wrap it in
 * {@link org.wabridge.core.auth.SealingProviderKeyStore} so the private-key column holds ciphertext. Instants are
 * kept as epoch milliseconds (finer parts are dropped). Save is update-then-insert in one transaction, and an
 * insert that loses a race to another writer becomes an update, so no upsert dialect is needed.
 */
public final class JdbcProviderKeyStore implements ProviderKeyStore {

    private static final String SELECT_ALL =
            "SELECT kid, algorithm, createdAt, retiredAt, publicKey, privateKey FROM ofWaProviderKey";
    private static final String UPDATE = "UPDATE ofWaProviderKey SET algorithm=?, createdAt=?, retiredAt=?,"
            + " publicKey=?, privateKey=? WHERE kid=?";
    private static final String INSERT = "INSERT INTO ofWaProviderKey (algorithm, createdAt, retiredAt, publicKey,"
            + " privateKey, kid) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM ofWaProviderKey WHERE kid=?";

    private final ConnectionProvider connections;

    public JdbcProviderKeyStore(ConnectionProvider connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public void save(StoredProviderKey key) {
        try {
            DeadlockRetry.run(() -> {
                saveOnce(key);
                return null;
            });
        } catch (SQLException e) {
            throw new AuthException("cannot save provider key " + key.kid(), e);
        }
    }

    private void saveOnce(StoredProviderKey key) throws SQLException {
        try (Connection connection = connections.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                if (write(connection, UPDATE, key) == 0) {
                    try {
                        write(connection, INSERT, key);
                    } catch (SQLException raced) {
                        if (!isConstraintViolation(raced)) {
                            throw raced;
                        }
                        connection.rollback(); // PostgreSQL aborts the transaction on the failed insert
                        write(connection, UPDATE, key);
                    }
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
    public List<StoredProviderKey> loadAll() {
        List<StoredProviderKey> keys = new ArrayList<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_ALL);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long retired = rs.getLong(4);
                Optional<Instant> retiredAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(retired));
                keys.add(new StoredProviderKey(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        retiredAt, JdbcAccess.copy(rs.getBytes(5)), new PrivateKeyMaterial(rs.getBytes(6))));
            }
            return keys;
        } catch (SQLException e) {
            throw new AuthException("cannot load provider keys", e);
        }
    }

    @Override
    public void delete(String kid) {
        try (Connection connection = connections.getConnection();
             PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, kid);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new AuthException("cannot delete provider key " + kid, e);
        }
    }

    private static int write(Connection connection, String sql, StoredProviderKey key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, key.algorithm());
            ps.setLong(2, key.createdAt().toEpochMilli());
            if (key.retiredAt().isPresent()) {
                ps.setLong(3, key.retiredAt().get().toEpochMilli());
            } else {
                ps.setNull(3, Types.BIGINT);
            }
            ps.setBytes(4, key.publicX509());
            ps.setBytes(5, key.privateKey().pkcs8());
            ps.setString(6, key.kid());
            return ps.executeUpdate();
        }
    }

    /** SQLState class 23: integrity constraint violation (here: the primary key). */
    private static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
