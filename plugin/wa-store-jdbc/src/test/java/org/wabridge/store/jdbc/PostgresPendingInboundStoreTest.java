/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.util.UUID;
import org.wabridge.core.store.PendingInboundStore;
import org.wabridge.core.store.contract.PendingInboundStoreContract;

/** wa-core's pending-inbound contract on the real PostgreSQL ({@link PostgresFixture}), a fresh account per test. */
class PostgresPendingInboundStoreTest extends PendingInboundStoreContract {
    @Override
    protected PendingInboundStore newStore() {
        return new JdbcPendingInboundStore(new PostgresFixture().connections, "pi-" + UUID.randomUUID());
    }
}
