/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.wabridge.core.auth.ProviderKeyStore;
import org.wabridge.core.auth.contract.ProviderKeyStoreContract;

/** wa-core's provider-key contract on a fresh in-memory HSQLDB per test. */
class HsqldbProviderKeyStoreTest extends ProviderKeyStoreContract {

    private ConnectionProvider connections;

    @Override
    protected ProviderKeyStore newEmptyStore() {
        String url = "jdbc:hsqldb:mem:pk-" + UUID.randomUUID();
        connections = () -> DriverManager.getConnection(url, "SA", "");
        JdbcSchema.installIfMissing(connections);
        return new JdbcProviderKeyStore(connections);
    }

    @Override
    protected void closeStore() throws Exception {
        try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
