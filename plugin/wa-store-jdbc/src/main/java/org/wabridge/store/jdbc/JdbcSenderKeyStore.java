/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import static org.wabridge.store.jdbc.JdbcAccess.copy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.store.SenderKeyName;
import org.wabridge.core.store.SenderKeyStore;

/** {@link SenderKeyStore} over ofWaSenderKey. */
final class JdbcSenderKeyStore implements SenderKeyStore {

    private static final String SELECT = "SELECT recordData FROM ofWaSenderKey"
            + " WHERE account = ? AND groupId = ? AND senderName = ? AND senderDeviceId = ?";
    private static final String UPDATE = "UPDATE ofWaSenderKey SET recordData = ?"
            + " WHERE account = ? AND groupId = ? AND senderName = ? AND senderDeviceId = ?";
    private static final String INSERT = "INSERT INTO ofWaSenderKey"
            + " (account, groupId, senderName, senderDeviceId, recordData) VALUES (?, ?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM ofWaSenderKey"
            + " WHERE account = ? AND groupId = ? AND senderName = ? AND senderDeviceId = ?";

    private final JdbcAccess access;

    JdbcSenderKeyStore(JdbcAccess access) {
        this.access = access;
    }

    @Override
    public Optional<byte[]> load(SenderKeyName name) {
        Objects.requireNonNull(name, "name");
        return access.read("sender key", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                bindName(select, 1, name);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(copy(rows.getBytes(1))) : Optional.<byte[]>empty();
                }
            }
        });
    }

    @Override
    public void store(SenderKeyName name, byte[] record) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(record, "record");
        access.write("sender key", connection -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                update.setBytes(1, record);
                bindName(update, 2, name);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bindName(insert, 1, name);
                insert.setBytes(5, record);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void delete(SenderKeyName name) {
        Objects.requireNonNull(name, "name");
        access.write("sender key", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                bindName(delete, 1, name);
                return delete.executeUpdate();
            }
        });
    }

    private void bindName(PreparedStatement statement, int index, SenderKeyName name) throws SQLException {
        statement.setString(index, access.account);
        statement.setString(index + 1, name.groupId());
        statement.setString(index + 2, name.sender().name());
        statement.setInt(index + 3, name.sender().deviceId());
    }
}
