/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.sql.Connection;
import java.sql.Statement;
import org.wabridge.core.store.contract.StoreFixture;

class PostgresRobustnessTest extends JdbcRobustnessContract {

    private PostgresFixture postgres;

    @Override
    protected StoreFixture createFixture() {
        postgres = new PostgresFixture();
        return postgres;
    }

    /** Terminates the connection's server process from another connection, as a crashed backend would. */
    @Override
    protected void crash(Connection connection) throws Exception {
        int pid;
        try (Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            pid = rows.getInt(1);
        }
        try (Connection admin = postgres.connections.getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(" + pid + ")");
        }
    }
}
