/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.blocking;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.wabridge.openfire.database.TestDatabases;

/** The block-list contract in memory and on the plugin's install scripts on HSQLDB, PostgreSQL and MariaDB. */
class BlockListStoresTest {

    @Nested
    class InMemory extends BlockListStoreContract {
        @Override
        protected BlockListStore store() {
            return new InMemoryBlockListStore();
        }
    }

    @Nested
    class OnHsqldb extends BlockListStoreContract {
        @Override
        protected BlockListStore store() throws Exception {
            return new JdbcBlockListStore(TestDatabases.hsqldb()::connect);
        }
    }

    @Nested
    class OnPostgresql extends BlockListStoreContract {

        private TestDatabases.Postgres db;

        @Override
        protected BlockListStore store() throws Exception {
            db = TestDatabases.postgres();
            return new JdbcBlockListStore(db::connect);
        }

        @AfterEach
        void dropSchema() throws Exception {
            if (db != null) {
                db.drop();
            }
        }
    }

    @Nested
    class OnMariadb extends BlockListStoreContract {

        private TestDatabases.MariaDb db;

        @Override
        protected BlockListStore store() throws Exception {
            db = TestDatabases.mariadb();
            return new JdbcBlockListStore(db::connect);
        }

        @AfterEach
        void dropDatabase() throws Exception {
            if (db != null) {
                db.drop();
            }
        }
    }
}
