/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped DDL: same tables and columns in both dialects, all prefixed ofWa and keyed by account. */
class JdbcSchemaTest {

    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+)");
    private static final Pattern COLUMN = Pattern.compile("^\\s*(\\w+)\\s+(VARCHAR|INTEGER|BIGINT|VARBINARY|BYTEA)",
            Pattern.MULTILINE);

    @Test
    void bothDialectsDefineTheSameTablesAndColumns() {
        assertEquals(shape(SqlDialect.HSQLDB), shape(SqlDialect.POSTGRESQL));
        assertEquals(List.of("ofWaSignalAccount", "ofWaPeerIdentity", "ofWaPreKey", "ofWaSignedPreKey",
                "ofWaKyberPreKey", "ofWaSession", "ofWaSenderKey", "ofWaProviderKey", "ofWaRecentSent",
                "ofWaPendingInbound"),
                SqlDialectTables.names(JdbcSchema.statements(SqlDialect.HSQLDB)));
    }

    @Test
    void everyTableIsPrefixedAndKeyedByTheOwningAccount() {
        for (String ddl : JdbcSchema.statements(SqlDialect.POSTGRESQL)) {
            if (ddl.startsWith("CREATE INDEX")) {
                assertTrue(ddl.matches("CREATE INDEX ofWa\\w+ ON ofWa\\w+ \\(account, .*"), ddl);
                continue;
            }
            Matcher table = TABLE.matcher(ddl);
            assertTrue(table.find(), ddl);
            assertTrue(table.group(1).startsWith("ofWa"), table.group(1));
            // provider keys belong to the gateway as a whole, not to one bridged account
            String key = "ofWaProviderKey".equals(table.group(1)) ? "PRIMARY KEY (kid" : "PRIMARY KEY (account";
            assertTrue(ddl.contains(key), table.group(1) + " is not keyed by " + key);
        }
    }

    private static List<String> shape(SqlDialect dialect) {
        return JdbcSchema.statements(dialect).stream().filter(ddl -> ddl.startsWith("CREATE TABLE")).map(ddl -> {
            Matcher columns = COLUMN.matcher(ddl);
            StringBuilder shape = new StringBuilder(SqlDialectTables.names(List.of(ddl)).get(0));
            while (columns.find()) {
                shape.append(' ').append(columns.group(1));
            }
            return shape.toString();
        }).toList();
    }

    /** Table names of CREATE TABLE statements, in order. */
    static final class SqlDialectTables {
        static List<String> names(List<String> statements) {
            return statements.stream().map(TABLE::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
        }
    }
}
