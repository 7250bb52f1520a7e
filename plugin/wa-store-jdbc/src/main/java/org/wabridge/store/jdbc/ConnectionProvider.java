/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the stores get connections: in Openfire {@code DbConnectionManager::getConnection}, in tests a
 * {@code DriverManager} call. Each call returns a connection the stores own until they close it; it may come from
 * a pool. The stores set and restore auto-commit themselves.
 */
@FunctionalInterface
public interface ConnectionProvider {

    /** A fresh or pooled connection; blocking I/O. */
    Connection getConnection() throws SQLException;
}
