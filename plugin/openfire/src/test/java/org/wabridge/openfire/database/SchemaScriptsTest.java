/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Runs the plugin's install scripts, split as Openfire splits them, against real databases: HSQLDB in memory
 * and the PostgreSQL that {@code .ci/run} starts (skipped without it unless WABRIDGE_REQUIRE_PG=1). MySQL and
 * MariaDB have no server in CI; their scripts are checked to declare the same table.
 */
class SchemaScriptsTest {

    private static final List<String> COLUMNS =
            List.of("username", "phone", "consentversion", "consenttime", "state", "created");

    @Test
    void hsqldbScriptCreatesTheTableAndRecordsTheCurrentVersion() throws Exception {
        try (Connection con = DriverManager.getConnection("jdbc:hsqldb:mem:" + UUID.randomUUID(), "SA", "")) {
            installAndCheck(con, "hsqldb");
        }
    }

    @Test
    void postgresqlScriptCreatesTheTableAndRecordsTheCurrentVersion() throws Exception {
        String url = System.getenv("WABRIDGE_PG_URL");
        if (url == null) {
            assertFalse("1".equals(System.getenv("WABRIDGE_REQUIRE_PG")),
                    "WABRIDGE_REQUIRE_PG=1 but WABRIDGE_PG_URL is not set");
            assumeTrue(false, "WABRIDGE_PG_URL not set (run through .ci/run)");
        }
        try (Connection con = DriverManager.getConnection(url, System.getenv("WABRIDGE_PG_USER"),
                System.getenv("WABRIDGE_PG_PASSWORD"))) {
            String schema = "wa_schema_test_" + UUID.randomUUID().toString().replace("-", "");
            try (Statement st = con.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
                st.execute("SET search_path TO " + schema);
            }
            try {
                installAndCheck(con, "postgresql");
            } finally {
                try (Statement st = con.createStatement()) {
                    st.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    @Test
    void everyDatabaseScriptCreatesTheSameTableAndVersionRow() throws Exception {
        for (String type : List.of("hsqldb", "postgresql", "mysql", "mariadb")) {
            List<String> statements = SchemaScript.statements(SchemaScript.file(type));
            assertTrue(statements.size() >= 3, type + ": " + statements);
            String create = statements.get(0).toLowerCase(Locale.ROOT);
            for (String column : COLUMNS) {
                assertTrue(create.contains(column), type + " lacks column " + column);
            }
            assertEquals("INSERT INTO ofVersion (name, version) VALUES ('whatsapp', " + SchemaScript.CURRENT_VERSION
                    + ")", statements.get(statements.size() - 1), type);
            // gwmsg: the message ledger is in the install script and in the version-2 upgrade script
            assertTrue(statements.stream().anyMatch(q -> q.startsWith("CREATE TABLE ofWaMessage")), type);
            List<String> upgrade = SchemaScript.statements(SchemaScript.file(type).getParent()
                    .resolve("upgrade/2/whatsapp_" + type + ".sql"));
            assertTrue(upgrade.stream().anyMatch(q -> q.startsWith("CREATE TABLE ofWaMessage")), type);
            assertEquals("UPDATE ofVersion SET version = " + SchemaScript.CURRENT_VERSION + " WHERE name = 'whatsapp'", upgrade.get(upgrade.size() - 1));
        }
    }

    @Test
    void textAfterTheLastSemicolonIsReportedBecauseOpenfireWouldDropIt() throws Exception {
        Path script = Files.createTempFile("broken", ".sql");
        try {
            Files.writeString(script, "CREATE TABLE a (b INTEGER);\nINSERT INTO a VALUES (1)\n");
            assertThrows(IllegalStateException.class, () -> SchemaScript.statements(script));
        } finally {
            Files.delete(script);
        }
    }

    private static void installAndCheck(Connection con, String type) throws Exception {
        try (Statement st = con.createStatement()) {
            // Openfire's own table, which exists before any plugin script runs
            st.execute("CREATE TABLE ofVersion (name VARCHAR(50) NOT NULL PRIMARY KEY, version INTEGER NOT NULL)");
            for (String statement : SchemaScript.statements(SchemaScript.file(type))) {
                st.execute(statement);
            }
            try (ResultSet rs = st.executeQuery("SELECT version FROM ofVersion WHERE name='whatsapp'")) {
                assertTrue(rs.next());
                assertEquals(SchemaScript.CURRENT_VERSION, rs.getInt(1));
            }
            st.execute("INSERT INTO ofWaRegistration (username, phone, consentVersion, consentTime, state, created)"
                    + " VALUES ('alice', '+4915112345678', 'v1', 1700000000000, 'LINKED', 1700000000000)");
            // one WhatsApp account (phone) can be linked to one Openfire user only
            assertThrows(SQLException.class, () -> st.execute("INSERT INTO ofWaRegistration (username, phone,"
                    + " consentVersion, consentTime, state, created)"
                    + " VALUES ('bob', '+4915112345678', 'v1', 1700000000000, 'LINKED', 1700000000000)"));
        }
        assertEquals(COLUMNS, columns(con));
    }

    private static List<String> columns(Connection con) throws SQLException {
        List<String> names = new ArrayList<>();
        String table = con.getMetaData().storesUpperCaseIdentifiers() ? "OFWAREGISTRATION" : "ofwaregistration";
        try (ResultSet rs = con.getMetaData().getColumns(null, con.getSchema(), table, null)) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
