/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.blocking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.wabridge.openfire.database.SchemaScript;

/** The block-list contract in memory and on the plugin's install scripts on HSQLDB and PostgreSQL. */
class BlockListStoresTest {

    private static void install(Connection con, String type) throws Exception {
        try (Statement st = con.createStatement()) {
            st.execute("CREATE TABLE ofVersion (name VARCHAR(50) NOT NULL, version INTEGER NOT NULL)");
            for (String sql : SchemaScript.statements(SchemaScript.file(type))) {
                st.execute(sql);
            }
        }
    }

    @Nested
    class InMemory extends BlockListStoreContract {
        @Override
        protected BlockListStore store() {
            return new InMemoryBlockListStore();
        }
    }

    @Nested
    class OnHsqldb extends BlockListStoreContract {
        @Override
        protected BlockListStore store() throws Exception {
            String url = "jdbc:hsqldb:mem:" + UUID.randomUUID();
            try (Connection con = DriverManager.getConnection(url, "SA", "")) {
                install(con, "hsqldb");
            }
            return new JdbcBlockListStore(() -> DriverManager.getConnection(url, "SA", ""));
        }
    }

    @Nested
    class OnPostgresql extends BlockListStoreContract {
        private String schema;

        private Connection plain() throws SQLException {
            return DriverManager.getConnection(System.getenv("WABRIDGE_PG_URL"), System.getenv("WABRIDGE_PG_USER"),
                    System.getenv("WABRIDGE_PG_PASSWORD"));
        }

        private Connection connect() throws SQLException {
            Connection con = plain();
            con.setSchema(schema);
            return con;
        }

        @Override
        protected BlockListStore store() throws Exception {
            if (System.getenv("WABRIDGE_PG_URL") == null) {
                assertFalse("1".equals(System.getenv("WABRIDGE_REQUIRE_PG")),
                        "WABRIDGE_REQUIRE_PG=1 but WABRIDGE_PG_URL is not set");
                assumeTrue(false, "WABRIDGE_PG_URL not set (run through .ci/run)");
            }
            schema = "wa_block_test_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection con = plain(); Statement st = con.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
            }
            try (Connection con = connect()) {
                install(con, "postgresql");
            }
            return new JdbcBlockListStore(this::connect);
        }

        @AfterEach
        void dropSchema() throws Exception {
            if (schema != null) {
                try (Connection con = plain(); Statement st = con.createStatement()) {
                    st.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }
}
