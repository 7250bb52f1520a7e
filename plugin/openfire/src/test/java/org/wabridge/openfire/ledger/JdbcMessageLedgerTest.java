/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.wabridge.openfire.database.TestDatabases;

/**
 * The ledger contract on {@link JdbcMessageLedger} over the plugin's own install scripts: embedded HSQLDB
 * (Openfire's embedded database) and the PostgreSQL that {@code .ci/run} starts (skipped without it unless
 * WABRIDGE_REQUIRE_PG=1).
 */
class JdbcMessageLedgerTest {

    @Nested
    class OnHsqldb extends MessageLedgerContract {

        @Override
        protected MessageLedger ledger() throws Exception {
            return new JdbcMessageLedger(TestDatabases.hsqldb()::connect);
        }

        @Test
        void anUnknownStateInTheTableIsAnErrorNotAGuess() throws Exception {
            TestDatabases.Hsqldb db = TestDatabases.hsqldb();
            try (Connection con = db.connect()) {
                try (Statement st = con.createStatement()) {
                    st.execute("INSERT INTO ofWaMessage VALUES ('carol', 'IN', 'p', 'w', 'x', 'LOST', NULL, 1, 1)");
                }
            }
            MessageLedger ledger = new JdbcMessageLedger(db::connect);
            assertThrows(LedgerException.class, () -> ledger.findByXmppId("carol", "p", "x"));
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

        private TestDatabases.Postgres db;

        @Override
        protected MessageLedger ledger() throws Exception {
            db = TestDatabases.postgres();
            return new JdbcMessageLedger(db::connect);
        }

        @AfterEach
        void dropSchema() throws Exception {
            if (db != null) {
                db.drop();
            }
        }
    }

    @Nested
    class OnMariadb extends MessageLedgerContract {

        private TestDatabases.MariaDb db;

        @Override
        protected MessageLedger ledger() throws Exception {
            db = TestDatabases.mariadb();
            return new JdbcMessageLedger(db::connect);
        }

        @AfterEach
        void dropDatabase() throws Exception {
            if (db != null) {
                db.drop();
            }
        }
    }
}
