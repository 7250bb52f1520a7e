/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh databases holding the plugin's install script, for the store tests that run one contract on every
 * database: an embedded HSQLDB per call, and a throw-away schema in the PostgreSQL that {@code .ci/run} starts
 * (skipped without {@code WABRIDGE_PG_URL}, failed instead when {@code WABRIDGE_REQUIRE_PG=1}).
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A new in-memory HSQLDB with the plugin schema. */
    public static Hsqldb hsqldb() throws Exception {
        Hsqldb db = new Hsqldb("jdbc:hsqldb:mem:" + UUID.randomUUID());
        try (Connection con = db.connect()) {
            install(con, "hsqldb");
        }
        return db;
    }

    /** A new PostgreSQL schema with the plugin schema; {@link Postgres#drop()} removes it. */
    public static Postgres postgres() throws Exception {
        if (System.getenv("WABRIDGE_PG_URL") == null) {
            assertFalse("1".equals(System.getenv("WABRIDGE_REQUIRE_PG")),
                    "WABRIDGE_REQUIRE_PG=1 but WABRIDGE_PG_URL is not set");
            assumeTrue(false, "WABRIDGE_PG_URL not set (run through .ci/run)");
        }
        Postgres db = new Postgres("wa_test_" + UUID.randomUUID().toString().replace("-", ""));
        try (Connection con = Postgres.plain(); Statement st = con.createStatement()) {
            st.execute("CREATE SCHEMA " + db.schema);
        }
        try (Connection con = db.connect()) {
            install(con, "postgresql");
        }
        return db;
    }

    /** A new database of the CI MariaDB with the plugin's mariadb schema; {@link MariaDb#drop()} removes it. */
    public static MariaDb mariadb() throws Exception {
        if (System.getenv("WABRIDGE_MARIADB_URL") == null) {
            assertFalse("1".equals(System.getenv("WABRIDGE_REQUIRE_MARIADB")),
                    "WABRIDGE_REQUIRE_MARIADB=1 but WABRIDGE_MARIADB_URL is not set");
            assumeTrue(false, "WABRIDGE_MARIADB_URL not set (run through .ci/run)");
        }
        MariaDb db = new MariaDb("wa_test_" + UUID.randomUUID().toString().replace("-", ""));
        try (Connection con = MariaDb.plain(); Statement st = con.createStatement()) {
            st.execute("CREATE DATABASE " + db.database + " CHARACTER SET utf8mb4");
        }
        try (Connection con = db.connect()) {
            install(con, "mariadb");
        }
        return db;
    }

    private static void install(Connection con, String type) throws Exception {
        try (Statement st = con.createStatement()) {
            st.execute("CREATE TABLE ofVersion (name VARCHAR(50) NOT NULL, version INTEGER NOT NULL)");
            for (String sql : SchemaScript.statements(SchemaScript.file(type))) {
                st.execute(sql);
            }
        }
    }

    /** An embedded HSQLDB database. */
    public static final class Hsqldb {
        private final String url;

        private Hsqldb(String url) {
            this.url = url;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, "SA", "");
        }
    }

    /** A database of the CI MariaDB; connections have it as their current catalog. */
    public static final class MariaDb {
        private final String database;

        private MariaDb(String database) {
            this.database = database;
        }

        private static Connection plain() throws SQLException {
            return DriverManager.getConnection(System.getenv("WABRIDGE_MARIADB_URL"),
                    System.getenv("WABRIDGE_MARIADB_USER"), System.getenv("WABRIDGE_MARIADB_PASSWORD"));
        }

        public Connection connect() throws SQLException {
            Connection con = plain();
            con.setCatalog(database);
            return con;
        }

        public void drop() throws SQLException {
            try (Connection con = plain(); Statement st = con.createStatement()) {
                st.execute("DROP DATABASE " + database);
            }
        }
    }

    /** A schema of the CI PostgreSQL; connections have it as their search path. */
    public static final class Postgres {
        private final String schema;

        private Postgres(String schema) {
            this.schema = schema;
        }

        private static Connection plain() throws SQLException {
            return DriverManager.getConnection(System.getenv("WABRIDGE_PG_URL"), System.getenv("WABRIDGE_PG_USER"),
                    System.getenv("WABRIDGE_PG_PASSWORD"));
        }

        public Connection connect() throws SQLException {
            Connection con = plain();
            con.setSchema(schema);
            return con;
        }

        public void drop() throws SQLException {
            try (Connection con = plain(); Statement st = con.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
