/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.wabridge.openfire.database.TestDatabases;

/**
 * The registration store contract on {@link JdbcRegistrationStore} over the plugin's own install scripts:
 * embedded HSQLDB (Openfire's embedded database), and the PostgreSQL that {@code .ci/run} starts (skipped
 * without it unless WABRIDGE_REQUIRE_PG=1).
 */
class JdbcRegistrationStoreTest {

    @Nested
    class OnHsqldb extends RegistrationStoreContract {

        @Override
        protected RegistrationStore store() throws Exception {
            return new JdbcRegistrationStore(TestDatabases.hsqldb()::connect);
        }

        @Test
        void anUnknownStateInTheTableIsAnErrorNotAGuess() throws Exception {
            TestDatabases.Hsqldb db = TestDatabases.hsqldb();
            try (Connection con = db.connect()) {
                try (Statement st = con.createStatement()) {
                    st.execute("INSERT INTO ofWaRegistration VALUES ('carol', '+4930123456', 'v', 1, 'BANNED', 1)");
                }
            }
            RegistrationStore store = new JdbcRegistrationStore(db::connect);
            assertThrows(RegistrationStoreException.class, () -> store.find("carol"));
        }

        @Test
        void aUniqueViolationIsPhoneTakenButOtherFailuresAreNot() throws Exception {
            TestDatabases.Hsqldb db = TestDatabases.hsqldb();
            RegistrationStore store = new JdbcRegistrationStore(db::connect);
            Instant t = Instant.parse("2026-11-23T10:00:00Z");
            store.save(new Registration("alice", "+491701234567", "v", t, Registration.State.LINKED, t));
            Registration bob = new Registration("bob", "+4930123456", "v", t, Registration.State.LINKED, t);
            store.save(bob);

            // bob moving to alice's number breaks the index through the UPDATE path too
            assertTrue(assertThrows(RegistrationStoreException.class, () -> store.save(new Registration("bob",
                    "+491701234567", "v", t, Registration.State.LINKED, t))).phoneTaken());
            assertEquals(Optional.of(bob), store.find("bob"));
            RegistrationStore down = new JdbcRegistrationStore(() -> {
                throw new SQLException("connection refused", "08001");
            });
            assertFalse(assertThrows(RegistrationStoreException.class, () -> down.save(bob)).phoneTaken());
        }

        @Test
        void anUnreachableDatabaseIsATypedError() {
            RegistrationStore store = new JdbcRegistrationStore(() -> {
                throw new SQLException("connection refused");
            });
            RegistrationStoreException e = assertThrows(RegistrationStoreException.class, () -> store.delete("alice"));
            assertEquals("connection refused", e.getCause().getMessage());
        }
    }

    @Nested
    class OnPostgresql extends RegistrationStoreContract {

        private TestDatabases.Postgres db;

        @Override
        protected RegistrationStore store() throws Exception {
            db = TestDatabases.postgres();
            return new JdbcRegistrationStore(db::connect);
        }

        @AfterEach
        void dropSchema() throws Exception {
            if (db != null) {
                db.drop();
            }
        }
    }

    @Nested
    class OnMariadb extends RegistrationStoreContract {

        private TestDatabases.MariaDb db;

        @Override
        protected RegistrationStore store() throws Exception {
            db = TestDatabases.mariadb();
            return new JdbcRegistrationStore(db::connect);
        }

        @AfterEach
        void dropDatabase() throws Exception {
            if (db != null) {
                db.drop();
            }
        }
    }
}
