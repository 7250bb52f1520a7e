/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RegistrationStore} over the plugin's {@code ofWaRegistration} table. Connections come from a
 * {@link ConnectionSource} (Openfire's {@code DbConnectionManager} in production, a plain JDBC URL in tests)
 * and are closed after each call. Plain SQL that runs unchanged on HSQLDB, PostgreSQL, MySQL and MariaDB.
 */
public final class JdbcRegistrationStore implements RegistrationStore {

    static final String COLUMNS = "username, phone, consentVersion, consentTime, state, created";
    static final String SELECT_BY_USER = "SELECT " + COLUMNS + " FROM ofWaRegistration WHERE username = ?";
    static final String SELECT_BY_PHONE = "SELECT " + COLUMNS + " FROM ofWaRegistration WHERE phone = ?";
    static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM ofWaRegistration ORDER BY username";
    static final String INSERT = "INSERT INTO ofWaRegistration (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE ofWaRegistration SET phone = ?, consentVersion = ?, consentTime = ?, "
            + "state = ?, created = ? WHERE username = ?";
    static final String DELETE = "DELETE FROM ofWaRegistration WHERE username = ?";

    /** Hands out JDBC connections; each is closed by the store after use. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection get() throws SQLException;
    }

    private final ConnectionSource connections;

    public JdbcRegistrationStore(ConnectionSource connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public Optional<Registration> find(String username) throws RegistrationStoreException {
        return selectOne(SELECT_BY_USER, username);
    }

    @Override
    public Optional<Registration> findByPhone(String phoneE164) throws RegistrationStoreException {
        return selectOne(SELECT_BY_PHONE, phoneE164);
    }

    @Override
    public void save(Registration r) throws RegistrationStoreException {
        try (Connection con = connections.get()) {
            int updated;
            try (PreparedStatement ps = con.prepareStatement(UPDATE)) {
                ps.setString(1, r.phoneE164());
                ps.setString(2, r.consentVersion());
                ps.setLong(3, r.consentTime().toEpochMilli());
                ps.setString(4, r.state().name());
                ps.setLong(5, r.created().toEpochMilli());
                ps.setString(6, r.username());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = con.prepareStatement(INSERT)) {
                    ps.setString(1, r.username());
                    ps.setString(2, r.phoneE164());
                    ps.setString(3, r.consentVersion());
                    ps.setLong(4, r.consentTime().toEpochMilli());
                    ps.setString(5, r.state().name());
                    ps.setLong(6, r.created().toEpochMilli());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                // the unique phone index: another user saved the number after the caller's check
                throw RegistrationStoreException.phoneTaken("the number of " + r.username()
                        + " was registered by another user meanwhile", e);
            }
            throw new RegistrationStoreException("saving the registration of " + r.username() + " failed", e);
        }
    }

    @Override
    public boolean delete(String username) throws RegistrationStoreException {
        try (Connection con = connections.get(); PreparedStatement ps = con.prepareStatement(DELETE)) {
            ps.setString(1, username);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new RegistrationStoreException("deleting the registration of " + username + " failed", e);
        }
    }

    @Override
    public List<Registration> all() throws RegistrationStoreException {
        try (Connection con = connections.get(); PreparedStatement ps = con.prepareStatement(SELECT_ALL);
             ResultSet rs = ps.executeQuery()) {
            List<Registration> out = new ArrayList<>();
            while (rs.next()) {
                out.add(read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new RegistrationStoreException("listing registrations failed", e);
        }
    }

    private Optional<Registration> selectOne(String sql, String key) throws RegistrationStoreException {
        try (Connection con = connections.get(); PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new RegistrationStoreException("reading a registration failed", e);
        }
    }

    private static Registration read(ResultSet rs) throws SQLException {
        String state = rs.getString(5);
        Registration.State parsed;
        try {
            parsed = Registration.State.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new SQLException("unknown registration state '" + state + "' for " + rs.getString(1), e);
        }
        return new Registration(rs.getString(1), rs.getString(2), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)), parsed, Instant.ofEpochMilli(rs.getLong(6)));
    }
}
