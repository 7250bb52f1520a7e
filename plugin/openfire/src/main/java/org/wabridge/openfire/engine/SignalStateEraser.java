/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import org.wabridge.store.jdbc.ConnectionProvider;

/**
 * Deletes one bridged user's Signal state (identity, pre-keys, sessions, sender keys, peer identities) and the
 * message copies the engine keeps (recent sent, pending inbound) from the plugin's tables when they unregister,
 * in one transaction, the account row last. The user's next registration
 * starts with a new identity, which WhatsApp users see as a safety-number change.
 */
public final class SignalStateEraser {

    /** The per-account tables of the plugin schema (whatsapp_*.sql), children before ofWaSignalAccount. */
    static final List<String> TABLES = List.of("ofWaRecentSent", "ofWaPendingInbound", "ofWaSenderKey",
            "ofWaSession", "ofWaKyberPreKey",
            "ofWaSignedPreKey", "ofWaPreKey", "ofWaPeerIdentity", "ofWaSignalAccount");

    private final ConnectionProvider db;

    public SignalStateEraser(ConnectionProvider db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** @return rows deleted; blocking database I/O */
    public int erase(String username) throws SQLException {
        String account = InteropAccountIds.signalAccountKey(username);
        try (Connection c = db.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            int rows = 0;
            try {
                for (String table : TABLES) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE account = ?")) {
                        ps.setString(1, account);
                        rows += ps.executeUpdate();
                    }
                }
                c.commit();
                return rows;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }
}
