/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.wabridge.core.store.PendingInboundStore;
import org.wabridge.core.store.contract.PendingInboundStoreContract;

/**
 * wa-core's pending-inbound contract on the real PostgreSQL (WABRIDGE_PG_*; skipped when unset unless
 * WABRIDGE_REQUIRE_PG=1), one schema per test.
 */
class PostgresPendingInboundStoreTest extends PendingInboundStoreContract {
    private String url;
    private String schema;

    @Override
    protected PendingInboundStore newStore() throws Exception {
        url = System.getenv("WABRIDGE_PG_URL");
        if (url == null || url.isBlank()) {
            String reason = "WABRIDGE_PG_URL is not set: PostgreSQL pending-inbound tests skipped";
            if ("1".equals(System.getenv("WABRIDGE_REQUIRE_PG"))) {
                fail("WABRIDGE_REQUIRE_PG=1 but " + reason);
            }
            Assumptions.abort(reason);
        }
        schema = "wa_pi_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = plain(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        ConnectionProvider connections = () -> {
            Connection connection = plain();
            connection.setSchema(schema);
            return connection;
        };
        JdbcSchema.installIfMissing(connections);
        return new JdbcPendingInboundStore(connections, "acct-1");
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema != null) {
            try (Connection connection = plain(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private Connection plain() throws SQLException {
        return DriverManager.getConnection(url, System.getenv("WABRIDGE_PG_USER"), System.getenv("WABRIDGE_PG_PASSWORD"));
    }
}
