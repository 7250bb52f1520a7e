/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import static org.wabridge.store.jdbc.JdbcAccess.copy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.store.SessionStore;

/** {@link SessionStore} over ofWaSession. */
final class JdbcSessionStore implements SessionStore {

    private static final String SELECT =
            "SELECT recordData FROM ofWaSession WHERE account = ? AND peerName = ? AND deviceId = ?";
    private static final String EXISTS =
            "SELECT 1 FROM ofWaSession WHERE account = ? AND peerName = ? AND deviceId = ?";
    private static final String UPDATE =
            "UPDATE ofWaSession SET recordData = ? WHERE account = ? AND peerName = ? AND deviceId = ?";
    private static final String INSERT =
            "INSERT INTO ofWaSession (account, peerName, deviceId, recordData) VALUES (?, ?, ?, ?)";
    private static final String DELETE =
            "DELETE FROM ofWaSession WHERE account = ? AND peerName = ? AND deviceId = ?";
    private static final String DELETE_ALL = "DELETE FROM ofWaSession WHERE account = ? AND peerName = ?";
    private static final String SELECT_DEVICES =
            "SELECT deviceId FROM ofWaSession WHERE account = ? AND peerName = ? ORDER BY deviceId";

    private final JdbcAccess access;

    JdbcSessionStore(JdbcAccess access) {
        this.access = access;
    }

    @Override
    public Optional<byte[]> load(SignalAddress address) {
        Objects.requireNonNull(address, "address");
        return access.read("session", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                bindAddress(select, 1, address);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(copy(rows.getBytes(1))) : Optional.<byte[]>empty();
                }
            }
        });
    }

    @Override
    public void store(SignalAddress address, byte[] record) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(record, "record");
        access.write("session", connection -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                update.setBytes(1, record);
                bindAddress(update, 2, address);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bindAddress(insert, 1, address);
                insert.setBytes(4, record);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean contains(SignalAddress address) {
        Objects.requireNonNull(address, "address");
        return access.read("session", connection -> {
            try (PreparedStatement select = connection.prepareStatement(EXISTS)) {
                bindAddress(select, 1, address);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public void delete(SignalAddress address) {
        Objects.requireNonNull(address, "address");
        access.write("session", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                bindAddress(delete, 1, address);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public void deleteAll(String name) {
        Objects.requireNonNull(name, "name");
        access.write("sessions", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_ALL)) {
                delete.setString(1, access.account);
                delete.setString(2, name);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public List<Integer> deviceIds(String name) {
        Objects.requireNonNull(name, "name");
        return access.read("session devices", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_DEVICES)) {
                select.setString(1, access.account);
                select.setString(2, name);
                try (ResultSet rows = select.executeQuery()) {
                    List<Integer> devices = new ArrayList<>();
                    while (rows.next()) {
                        devices.add(rows.getInt(1));
                    }
                    return devices;
                }
            }
        });
    }

    /** Binds account, peer name and device id starting at {@code index}. */
    private void bindAddress(PreparedStatement statement, int index, SignalAddress address)
            throws java.sql.SQLException {
        statement.setString(index, access.account);
        statement.setString(index + 1, address.name());
        statement.setInt(index + 2, address.deviceId());
    }
}
