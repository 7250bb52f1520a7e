/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.DriverManager;
import org.junit.jupiter.api.Assumptions;
import org.wabridge.core.store.SignalStores;
import org.wabridge.core.store.contract.StoreFixture;

/**
 * The real PostgreSQL named by WABRIDGE_PG_URL / WABRIDGE_PG_USER / WABRIDGE_PG_PASSWORD (CI starts a throwaway
 * cluster, .ci/postgres.sh). Unset: the test is skipped with the reason, unless WABRIDGE_REQUIRE_PG=1 makes it
 * fail. Every test uses fresh account keys, so runs never see each other's rows.
 */
final class PostgresFixture implements StoreFixture {

    private static final Object SCHEMA_LOCK = new Object();
    private static boolean schemaInstalled;

    final ConnectionProvider connections;

    PostgresFixture() {
        String url = System.getenv("WABRIDGE_PG_URL");
        if (url == null || url.isBlank()) {
            String reason = "WABRIDGE_PG_URL is not set: PostgreSQL store tests skipped"
                    + " (run them with .ci/postgres.sh; WABRIDGE_REQUIRE_PG=1 turns this skip into a failure)";
            if ("1".equals(System.getenv("WABRIDGE_REQUIRE_PG"))) {
                fail("WABRIDGE_REQUIRE_PG=1 but " + reason);
            }
            Assumptions.abort(reason);
        }
        String user = System.getenv("WABRIDGE_PG_USER");
        String password = System.getenv("WABRIDGE_PG_PASSWORD");
        connections = () -> DriverManager.getConnection(url, user, password);
        synchronized (SCHEMA_LOCK) {
            if (!schemaInstalled) {
                JdbcSchema.installIfMissing(connections);
                schemaInstalled = true;
            }
        }
    }

    @Override
    public SignalStores open(String account) {
        return JdbcSignalStores.open(connections, account);
    }
}
