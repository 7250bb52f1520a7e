/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.database;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.wabridge.core.auth.ProviderKeyStore;
import org.wabridge.core.auth.contract.ProviderKeyStoreContract;
import org.wabridge.core.store.PendingInboundStore;
import org.wabridge.core.store.RecentSentStore;
import org.wabridge.core.store.SignalStores;
import org.wabridge.core.store.contract.IdentityStoreContract;
import org.wabridge.core.store.contract.KyberPreKeyStoreContract;
import org.wabridge.core.store.contract.PendingInboundStoreContract;
import org.wabridge.core.store.contract.PreKeyStoreContract;
import org.wabridge.core.store.contract.RecentSentStoreContract;
import org.wabridge.core.store.contract.SenderKeyStoreContract;
import org.wabridge.core.store.contract.SessionStoreContract;
import org.wabridge.core.store.contract.SignedPreKeyStoreContract;
import org.wabridge.core.store.contract.StoreFixture;
import org.wabridge.core.store.contract.StoreTransactionsContract;
import org.wabridge.store.jdbc.JdbcPendingInboundStore;
import org.wabridge.store.jdbc.JdbcProviderKeyStore;
import org.wabridge.store.jdbc.JdbcRecentSentStore;
import org.wabridge.store.jdbc.JdbcSignalStores;

/**
 * Every engine store of wa-store-jdbc (Signal state, recent-sent, pending-inbound, provider keys) passes its
 * wa-core contract on the real MariaDB from .ci/run, over the tables of the plugin's own mariadb install
 * script: what a MySQL-family Openfire installation runs (the same contracts run on HSQLDB and PostgreSQL in
 * wa-store-jdbc). Each test gets a database of its own.
 */
class MariaDbEngineStoresTest {

    /** A fresh database with the plugin schema per test; dropped afterwards. */
    static final class Fixture implements StoreFixture {
        final TestDatabases.MariaDb db;

        Fixture() throws Exception {
            db = TestDatabases.mariadb();
        }

        @Override
        public SignalStores open(String account) {
            return JdbcSignalStores.open(db::connect, account);
        }

        @Override
        public void close() throws Exception {
            db.drop();
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected StoreFixture createFixture() throws Exception {
            return new Fixture();
        }
    }

    @Nested
    class PreKeys extends PreKeyStoreContract {
        @Override
        protected StoreFixture createFixture() throws Exception {
            return new Fixture();
        }
    }

    @Nested
    class SignedPreKeys extends SignedPreKeyStoreContract {
        @Override
        protected StoreFixture createFixture() throws Exception {
            return new Fixture();
        }
    }

    @Nested
    class KyberPreKeys extends KyberPreKeyStoreContract {
        @Override
        protected StoreFixture createFixture() throws Exception {
            return new Fixture();
        }
    }

    @Nested
    class Identities extends IdentityStoreContract {
        @Override
        protected StoreFixture createFixture() throws Exception {
            return new Fixture();
        }
    }

    @Nested
    class SenderKeys extends SenderKeyStoreContract {
        @Override
        protected StoreFixture createFixture() throws Exception {
            return new Fixture();
        }
    }

    @Nested
    class Transactions extends StoreTransactionsContract {
        @Override
        protected StoreFixture createFixture() throws Exception {
            return new Fixture();
        }
    }

    @Nested
    class RecentSent extends RecentSentStoreContract {
        private Fixture fixture;

        @Override
        protected RecentSentStore newStore(int capacity) throws Exception {
            fixture = new Fixture();
            return new JdbcRecentSentStore(fixture.db::connect, "rs-" + UUID.randomUUID(), capacity);
        }

        @AfterEach
        void drop() throws Exception {
            if (fixture != null) {
                fixture.close();
            }
        }
    }

    @Nested
    class PendingInbound extends PendingInboundStoreContract {
        private Fixture fixture;

        @Override
        protected PendingInboundStore newStore() throws Exception {
            fixture = new Fixture();
            return new JdbcPendingInboundStore(fixture.db::connect, "pi-" + UUID.randomUUID());
        }

        @AfterEach
        void drop() throws Exception {
            if (fixture != null) {
                fixture.close();
            }
        }
    }

    @Nested
    class ProviderKeys extends ProviderKeyStoreContract {
        private Fixture fixture;

        @Override
        protected ProviderKeyStore newEmptyStore() throws Exception {
            fixture = new Fixture();
            return new JdbcProviderKeyStore(fixture.db::connect);
        }

        @Override
        protected void closeStore() throws Exception {
            if (fixture != null) {
                fixture.close();
            }
        }
    }
}
