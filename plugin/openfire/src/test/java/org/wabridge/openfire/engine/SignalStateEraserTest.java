/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.wabridge.openfire.database.TestDatabases;

/** Unregistering erases every per-account row of the plugin schema for that user, and only for that user. */
class SignalStateEraserTest {

    /** Every table of the installed schema that has an {@code account} column: each holds per-account state. */
    private static Set<String> accountTables(Connection con) throws Exception {
        Set<String> tables = new TreeSet<>();
        DatabaseMetaData meta = con.getMetaData();
        try (ResultSet rs = meta.getColumns(null, null, "OFWA%", "ACCOUNT")) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    private static int rows(Connection con, String table, String account) throws Exception {
        try (Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE account='" + account + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void theErasedTablesAreExactlyThePerAccountTablesOfTheSchema() throws Exception {
        try (Connection con = TestDatabases.hsqldb().connect()) {
            Set<String> erased = new TreeSet<>();
            SignalStateEraser.TABLES.forEach(t -> erased.add(t.toLowerCase(Locale.ROOT)));
            assertEquals(accountTables(con), erased, "a table with per-account state would survive unregistration");
        }
    }

    @Test
    void onlyTheUnregisteredUsersRowsGo() throws Exception {
        TestDatabases.Hsqldb db = TestDatabases.hsqldb();
        String alice = InteropAccountIds.signalAccountKey("alice");
        String bob = InteropAccountIds.signalAccountKey("bob");
        try (Connection con = db.connect(); Statement st = con.createStatement()) {
            for (String account : new String[] {alice, bob}) {
                st.execute("INSERT INTO ofWaSignalAccount (account, nextPreKeyId, nextSignedPreKeyId,"
                        + " nextKyberPreKeyId, lockVersion) VALUES ('" + account + "', 1, 1, 1, 0)");
                st.execute("INSERT INTO ofWaSession VALUES ('" + account + "', 'peer', 0, X'01')");
                st.execute("INSERT INTO ofWaRecentSent VALUES ('" + account + "', 'm1', 'peer', 'text', NULL, X'02', 1, 1)");
                st.execute("INSERT INTO ofWaPendingInbound VALUES ('" + account + "', 'peer|m2', 'm2', 'peer', X'03', 1)");
            }
        }
        int erased = new SignalStateEraser(db::connect).erase("alice");

        assertEquals(4, erased);
        try (Connection con = db.connect()) {
            for (String table : SignalStateEraser.TABLES) {
                assertEquals(0, rows(con, table, alice), table);
            }
            for (String table : new String[] {"ofWaSignalAccount", "ofWaSession", "ofWaRecentSent",
                    "ofWaPendingInbound"}) {
                assertEquals(1, rows(con, table, bob), table);
            }
        }
    }
}
