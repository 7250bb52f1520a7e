/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.wabridge.core.store.StoreException;

/**
 * The DDL of the ofWa* tables. In Openfire the plugin's database scripts create them; this class serves tests,
 * the emulator and stand-alone use.
 */
public final class JdbcSchema {

    /** Probe used to see whether the schema exists. */
    private static final String PROBE = "SELECT COUNT(*) FROM ofWaSignalAccount WHERE 1 = 0";

    private JdbcSchema() {
    }

    /** The statements of the DDL resource for {@code dialect}, comments removed. */
    public static List<String> statements(SqlDialect dialect) {
        try (InputStream in = JdbcSchema.class.getResourceAsStream(dialect.schemaResource())) {
            if (in == null) {
                throw new StoreException("schema resource missing: " + dialect.schemaResource());
            }
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.strip().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            List<String> statements = new ArrayList<>();
            for (String statement : sql.toString().split(";")) {
                if (!statement.isBlank()) {
                    statements.add(statement.strip());
                }
            }
            return statements;
        } catch (IOException e) {
            throw new StoreException("cannot read schema resource " + dialect.schemaResource(), e);
        }
    }

    /** Creates the tables unless they exist. Blocking database I/O. */
    public static void installIfMissing(ConnectionProvider connections) {
        try (Connection connection = connections.getConnection()) {
            connection.setAutoCommit(true);
            if (exists(connection)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                for (String ddl : statements(SqlDialect.of(connection))) {
                    statement.execute(ddl);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot install the wa-store-jdbc schema", e);
        }
    }

    private static boolean exists(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery(PROBE).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
