/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.wabridge.store.jdbc.JdbcSchema;
import org.wabridge.store.jdbc.SqlDialect;

/**
 * An installation at schema version 1 that Openfire upgrades with {@code upgrade/2} ends up with exactly the
 * tables and columns (name, type, nullability) of a fresh version-2 install, on HSQLDB and on the real
 * PostgreSQL; and the Signal and provider-key tables the plugin creates match the DDL that wa-store-jdbc's own
 * tests run against, so the DAOs and the shipped schema cannot drift apart.
 */
class SchemaUpgradeTest {

    @Test
    void hsqldbUpgradeFromVersionOneEqualsAFreshInstall() throws Exception {
        try (Connection upgraded = hsqldb(); Connection fresh = hsqldb(); Connection module = hsqldb()) {
            assertUpgradeEqualsFresh("hsqldb", upgraded, fresh);
            assertModuleTablesMatch(SqlDialect.HSQLDB, module, fresh);
        }
    }

    @Test
    void postgresqlUpgradeFromVersionOneEqualsAFreshInstall() throws Exception {
        String url = System.getenv("WABRIDGE_PG_URL");
        if (url == null) {
            assertFalse("1".equals(System.getenv("WABRIDGE_REQUIRE_PG")),
                    "WABRIDGE_REQUIRE_PG=1 but WABRIDGE_PG_URL is not set");
            assumeTrue(false, "WABRIDGE_PG_URL not set (run through .ci/run)");
        }
        try (Connection upgraded = postgres(url); Connection fresh = postgres(url); Connection module = postgres(url)) {
            try {
                assertUpgradeEqualsFresh("postgresql", upgraded, fresh);
                assertModuleTablesMatch(SqlDialect.POSTGRESQL, module, fresh);
            } finally {
                for (Connection c : List.of(upgraded, fresh, module)) {
                    try (Statement st = c.createStatement()) {
                        st.execute("DROP SCHEMA " + c.getSchema() + " CASCADE");
                    }
                }
            }
        }
    }

    /** Both MySQL-family scripts on a real MariaDB (what .ci/run starts); MySQL 8 itself is not tested here. */
    @Test
    void mysqlAndMariadbUpgradesFromVersionOneEqualAFreshInstallOnARealMariaDb() throws Exception {
        String url = System.getenv("WABRIDGE_MARIADB_URL");
        if (url == null) {
            assertFalse("1".equals(System.getenv("WABRIDGE_REQUIRE_MARIADB")),
                    "WABRIDGE_REQUIRE_MARIADB=1 but WABRIDGE_MARIADB_URL is not set");
            assumeTrue(false, "WABRIDGE_MARIADB_URL not set (run through .ci/run)");
        }
        for (String type : List.of("mariadb", "mysql")) {
            try (Connection upgraded = mariadb(url); Connection fresh = mariadb(url)) {
                try {
                    assertUpgradeEqualsFresh(type, upgraded, fresh);
                } finally {
                    for (Connection c : List.of(upgraded, fresh)) {
                        try (Statement st = c.createStatement()) {
                            st.execute("DROP DATABASE " + c.getCatalog());
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyDatabaseTypeHasAnUpgradeScriptThatSetsVersionTwo() throws Exception {
        for (String type : List.of("hsqldb", "postgresql", "mysql", "mariadb")) {
            List<String> upgrade = SchemaScript.statements(SchemaScript.upgrade(2, type));
            assertEquals("UPDATE ofVersion SET version = 2 WHERE name = 'whatsapp'", upgrade.get(upgrade.size() - 1),
                    type);
            List<String> install = SchemaScript.statements(SchemaScript.file(type));
            // the install script is version 1 plus exactly the upgrade's statements
            List<String> v1 = SchemaScript.statements(SchemaScript.versionOne(type));
            assertEquals(v1.subList(0, v1.size() - 1), install.subList(0, v1.size() - 1), type);
            assertEquals(upgrade.subList(0, upgrade.size() - 1),
                    install.subList(v1.size() - 1, install.size() - 1), type);
        }
    }

    private static void assertUpgradeEqualsFresh(String type, Connection upgraded, Connection fresh) throws Exception {
        createOfVersion(upgraded);
        run(upgraded, SchemaScript.versionOne(type));
        assertEquals(1, version(upgraded));
        run(upgraded, SchemaScript.upgrade(2, type));

        createOfVersion(fresh);
        run(fresh, SchemaScript.file(type));

        assertEquals(2, version(upgraded));
        assertEquals(2, version(fresh));
        Map<String, String> expected = shape(fresh);
        assertTrue(expected.containsKey("ofwablock") && expected.containsKey("ofwaproviderkey")
                && expected.containsKey("ofwasession"), expected.keySet().toString());
        assertEquals(expected, shape(upgraded));
    }

    /** Each wa-store-jdbc table exists in the plugin schema with the same columns, types and nullability. */
    private static void assertModuleTablesMatch(SqlDialect dialect, Connection module, Connection plugin)
            throws Exception {
        try (Statement st = module.createStatement()) {
            for (String ddl : JdbcSchema.statements(dialect)) {
                st.execute(ddl);
            }
        }
        Map<String, String> moduleShape = shape(module);
        Map<String, String> pluginShape = shape(plugin);
        assertFalse(moduleShape.isEmpty());
        for (Map.Entry<String, String> table : moduleShape.entrySet()) {
            assertEquals(table.getValue(), pluginShape.get(table.getKey()), table.getKey());
        }
    }

    private static Connection hsqldb() throws SQLException {
        return DriverManager.getConnection("jdbc:hsqldb:mem:" + UUID.randomUUID(), "SA", "");
    }

    private static Connection postgres(String url) throws SQLException {
        Connection con = DriverManager.getConnection(url, System.getenv("WABRIDGE_PG_USER"),
                System.getenv("WABRIDGE_PG_PASSWORD"));
        String schema = "wa_upgrade_" + UUID.randomUUID().toString().replace("-", "");
        try (Statement st = con.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        con.setSchema(schema);
        return con;
    }

    /** A connection to a throwaway database of its own (a MySQL "schema" is a database). */
    private static Connection mariadb(String url) throws SQLException {
        Connection con = DriverManager.getConnection(url, System.getenv("WABRIDGE_MARIADB_USER"),
                System.getenv("WABRIDGE_MARIADB_PASSWORD"));
        String database = "wa_upgrade_" + UUID.randomUUID().toString().replace("-", "");
        try (Statement st = con.createStatement()) {
            st.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        }
        con.setCatalog(database);
        return con;
    }

    private static void createOfVersion(Connection con) throws SQLException {
        try (Statement st = con.createStatement()) {
            st.execute("CREATE TABLE ofVersion (name VARCHAR(50) NOT NULL PRIMARY KEY, version INTEGER NOT NULL)");
        }
    }

    private static void run(Connection con, Path script) throws Exception {
        try (Statement st = con.createStatement()) {
            for (String statement : SchemaScript.statements(script)) {
                st.execute(statement);
            }
        }
    }

    private static int version(Connection con) throws SQLException {
        try (Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM ofVersion WHERE name='whatsapp'")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    /** Table name (lower case) to "column type nullable; ..." in ordinal order, for the plugin's ofWa* tables. */
    private static Map<String, String> shape(Connection con) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (ResultSet rs = con.getMetaData().getColumns(null, con.getSchema(), "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.startsWith("ofwa")) {
                    continue;
                }
                String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                        + rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE") + ") "
                        + rs.getString("IS_NULLABLE") + "@" + rs.getInt("ORDINAL_POSITION");
                tables.merge(table, column, (a, b) -> a + "; " + b);
            }
        }
        return tables;
    }
}
