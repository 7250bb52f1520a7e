/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.util.UUID;
import org.wabridge.core.store.RecentSentStore;
import org.wabridge.core.store.contract.RecentSentStoreContract;

/** wa-core's recent-sent contract on the real PostgreSQL ({@link PostgresFixture}), a fresh account per test. */
class PostgresRecentSentStoreTest extends RecentSentStoreContract {
    @Override
    protected RecentSentStore newStore(int capacity) {
        return new JdbcRecentSentStore(new PostgresFixture().connections, "rs-" + UUID.randomUUID(), capacity);
    }
}
