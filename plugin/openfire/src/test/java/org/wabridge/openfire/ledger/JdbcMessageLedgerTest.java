/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.wabridge.openfire.database.SchemaScript;

/**
 * The ledger contract on {@link JdbcMessageLedger} over the plugin's own install scripts: embedded HSQLDB
 * (Openfire's embedded database) and the PostgreSQL that {@code .ci/run} starts (skipped without it unless
 * WABRIDGE_REQUIRE_PG=1).
 */
class JdbcMessageLedgerTest {

    private static void install(Connection con, String type) throws Exception {
        try (Statement st = con.createStatement()) {
            st.execute("CREATE TABLE ofVersion (name VARCHAR(50) NOT NULL, version INTEGER NOT NULL)");
            for (String sql : SchemaScript.statements(SchemaScript.file(type))) {
                st.execute(sql);
            }
        }
    }

    @Nested
    class OnHsqldb extends MessageLedgerContract {

        @Override
        protected MessageLedger ledger() throws Exception {
            String url = "jdbc:hsqldb:mem:" + UUID.randomUUID();
            try (Connection con = DriverManager.getConnection(url, "SA", "")) {
                install(con, "hsqldb");
            }
            return new JdbcMessageLedger(() -> DriverManager.getConnection(url, "SA", ""));
        }

        @Test
        void anUnknownStateInTheTableIsAnErrorNotAGuess() throws Exception {
            String url = "jdbc:hsqldb:mem:" + UUID.randomUUID();
            try (Connection con = DriverManager.getConnection(url, "SA", "")) {
                install(con, "hsqldb");
                try (Statement st = con.createStatement()) {
                    st.execute("INSERT INTO ofWaMessage VALUES ('carol', 'IN', 'p', 'w', 'x', 'LOST', NULL, 1, 1)");
                }
            }
            MessageLedger ledger = new JdbcMessageLedger(() -> DriverManager.getConnection(url, "SA", ""));
            assertThrows(LedgerException.class, () -> ledger.findByXmppId("carol", "x"));
        }

        @Test
        void anUnreachableDatabaseIsATypedError() {
            MessageLedger ledger = new JdbcMessageLedger(() -> {
                throw new SQLException("connection refused");
            });
            LedgerException e = assertThrows(LedgerException.class, () -> ledger.deleteUser("alice"));
            assertEquals("connection refused", e.getCause().getMessage());
        }
    }

    @Nested
    class OnPostgresql extends MessageLedgerContract {

        private String schema;

        private Connection connect() throws SQLException {
            Connection con = DriverManager.getConnection(System.getenv("WABRIDGE_PG_URL"),
                    System.getenv("WABRIDGE_PG_USER"), System.getenv("WABRIDGE_PG_PASSWORD"));
            try (Statement st = con.createStatement()) {
                st.execute("SET search_path TO " + schema);
            }
            return con;
        }

        @Override
        protected MessageLedger ledger() throws Exception {
            if (System.getenv("WABRIDGE_PG_URL") == null) {
                assertFalse("1".equals(System.getenv("WABRIDGE_REQUIRE_PG")),
                        "WABRIDGE_REQUIRE_PG=1 but WABRIDGE_PG_URL is not set");
                assumeTrue(false, "WABRIDGE_PG_URL not set (run through .ci/run)");
            }
            schema = "wa_ledger_test_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection con = DriverManager.getConnection(System.getenv("WABRIDGE_PG_URL"),
                    System.getenv("WABRIDGE_PG_USER"), System.getenv("WABRIDGE_PG_PASSWORD"));
                 Statement st = con.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
            }
            try (Connection con = connect()) {
                install(con, "postgresql");
            }
            return new JdbcMessageLedger(this::connect);
        }

        @AfterEach
        void dropSchema() throws Exception {
            if (schema != null) {
                try (Connection con = DriverManager.getConnection(System.getenv("WABRIDGE_PG_URL"),
                        System.getenv("WABRIDGE_PG_USER"), System.getenv("WABRIDGE_PG_PASSWORD"));
                     Statement st = con.createStatement()) {
                    st.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }
}
