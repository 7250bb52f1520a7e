/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.wabridge.core.store.KeyIds;

/** The never-reuse prekey id counters, kept in the account's row and advanced under the account lock. */
final class JdbcKeyIdAllocator {

    /** One counter column per key kind. */
    enum Kind {
        ONE_TIME("one-time prekey",
                "SELECT nextPreKeyId FROM ofWaSignalAccount WHERE account = ?",
                "UPDATE ofWaSignalAccount SET nextPreKeyId = ? WHERE account = ?"),
        SIGNED("signed prekey",
                "SELECT nextSignedPreKeyId FROM ofWaSignalAccount WHERE account = ?",
                "UPDATE ofWaSignalAccount SET nextSignedPreKeyId = ? WHERE account = ?"),
        KYBER("Kyber prekey",
                "SELECT nextKyberPreKeyId FROM ofWaSignalAccount WHERE account = ?",
                "UPDATE ofWaSignalAccount SET nextKyberPreKeyId = ? WHERE account = ?");

        private final String label;
        private final String selectNext;
        private final String updateNext;

        Kind(String label, String selectNext, String updateNext) {
            this.label = label;
            this.selectNext = selectNext;
            this.updateNext = updateNext;
        }
    }

    private final JdbcAccess access;
    private final Kind kind;

    JdbcKeyIdAllocator(JdbcAccess access, Kind kind) {
        this.access = access;
        this.kind = kind;
    }

    int allocate(int count) {
        return access.write(kind.label + " ids", connection -> {
            int next;
            try (PreparedStatement select = connection.prepareStatement(kind.selectNext)) {
                select.setString(1, access.account);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new SQLException("Signal account row missing");
                    }
                    next = rows.getInt(1);
                }
            }
            int end = KeyIds.checkedBlockEnd(next, count, kind.label);
            try (PreparedStatement update = connection.prepareStatement(kind.updateNext)) {
                update.setInt(1, end);
                update.setString(2, access.account);
                update.executeUpdate();
            }
            return next;
        });
    }
}
