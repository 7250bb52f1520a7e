/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import static org.wabridge.store.jdbc.JdbcAccess.copy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.store.StoredKey;

/**
 * Statement shapes shared by the prekey DAOs (rows keyed by account and key id). Each DAO owns its SQL constants
 * and hands them in; the parameter order is fixed: account first, then key id (data first in updates).
 */
final class KeyRecordTable {

    /** The SQL of one prekey table. */
    record Statements(String select, String selectAll, String exists, String update, String insert, String delete,
                      String count) {
    }

    private final JdbcAccess access;
    private final Statements sql;
    private final String what;

    KeyRecordTable(JdbcAccess access, Statements sql, String what) {
        this.access = access;
        this.sql = sql;
        this.what = what;
    }

    Optional<byte[]> load(int id) {
        return access.read(what, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.select())) {
                select.setString(1, access.account);
                select.setInt(2, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(copy(rows.getBytes(1))) : Optional.<byte[]>empty();
                }
            }
        });
    }

    List<StoredKey> loadAll() {
        return access.read(what, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.selectAll())) {
                select.setString(1, access.account);
                try (ResultSet rows = select.executeQuery()) {
                    List<StoredKey> keys = new ArrayList<>();
                    while (rows.next()) {
                        keys.add(new StoredKey(rows.getInt(1), copy(rows.getBytes(2))));
                    }
                    return keys;
                }
            }
        });
    }

    boolean contains(int id) {
        return access.read(what, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.exists())) {
                select.setString(1, access.account);
                select.setInt(2, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    int count() {
        return access.read(what, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.count())) {
                select.setString(1, access.account);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    /** Update-then-insert under the account lock; {@code extra} is an additional integer column, or null. */
    void store(int id, byte[] record, Integer extra) {
        Objects.requireNonNull(record, "record");
        access.write(what, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql.update())) {
                int p = 1;
                update.setBytes(p++, record);
                if (extra != null) {
                    update.setInt(p++, extra);
                }
                update.setString(p++, access.account);
                update.setInt(p, id);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(sql.insert())) {
                insert.setString(1, access.account);
                insert.setInt(2, id);
                insert.setBytes(3, record);
                if (extra != null) {
                    insert.setInt(4, extra);
                }
                insert.executeUpdate();
            }
            return null;
        });
    }

    void delete(int id) {
        access.write(what, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(sql.delete())) {
                delete.setString(1, access.account);
                delete.setInt(2, id);
                return delete.executeUpdate();
            }
        });
    }
}
