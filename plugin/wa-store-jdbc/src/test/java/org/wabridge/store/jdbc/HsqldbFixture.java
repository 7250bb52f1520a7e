/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.wabridge.core.store.SignalStores;
import org.wabridge.core.store.contract.StoreFixture;

/** A fresh in-memory HSQLDB per fixture, with the module's HSQLDB schema installed. */
final class HsqldbFixture implements StoreFixture {

    final ConnectionProvider connections;

    HsqldbFixture() throws SQLException {
        String url = "jdbc:hsqldb:mem:wa-" + UUID.randomUUID();
        connections = () -> DriverManager.getConnection(url, "SA", "");
        JdbcSchema.installIfMissing(connections);
    }

    @Override
    public SignalStores open(String account) {
        return JdbcSignalStores.open(connections, account);
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
