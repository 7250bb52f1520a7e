/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases whose schema ships with this module. The DAOs use only portable SQL (no upsert syntax: an update,
 * then an insert, under the account lock), so the dialect only selects the DDL resource.
 */
public enum SqlDialect {
    HSQLDB("wa-store-hsqldb.sql"),
    POSTGRESQL("wa-store-postgresql.sql");

    private final String schemaResource;

    SqlDialect(String schemaResource) {
        this.schemaResource = schemaResource;
    }

    /** Name of the DDL resource next to this class. */
    public String schemaResource() {
        return schemaResource;
    }

    /** Recognizes the database behind a connection. */
    public static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("hsql")) {
            return HSQLDB;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new SQLException("no wa-store-jdbc schema for database " + product);
    }
}
