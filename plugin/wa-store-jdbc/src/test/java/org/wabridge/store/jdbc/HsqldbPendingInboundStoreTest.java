/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wabridge.core.store.PendingInbound;
import org.wabridge.core.store.PendingInboundStore;
import org.wabridge.core.store.contract.PendingInboundStoreContract;

/** wa-core's pending-inbound contract on a fresh in-memory HSQLDB per test, plus account separation. */
class HsqldbPendingInboundStoreTest extends PendingInboundStoreContract {

    private static ConnectionProvider freshDatabase() {
        String url = "jdbc:hsqldb:mem:pi-" + UUID.randomUUID();
        ConnectionProvider connections = () -> DriverManager.getConnection(url, "SA", "");
        JdbcSchema.installIfMissing(connections);
        return connections;
    }

    @Override
    protected PendingInboundStore newStore() {
        return new JdbcPendingInboundStore(freshDatabase(), "acct-1");
    }

    @Test
    void accountsShareTheTableButNotTheirRecords() {
        ConnectionProvider db = freshDatabase();
        JdbcPendingInboundStore alice = new JdbcPendingInboundStore(db, "alice");
        JdbcPendingInboundStore bob = new JdbcPendingInboundStore(db, "bob");
        PendingInbound r = new PendingInbound("p|1", "1", "p", new byte[] {1}, Instant.EPOCH);
        alice.put(r);
        assertTrue(bob.get("p|1").isEmpty());
        bob.put(r);
        alice.clear();
        assertEquals(0, alice.size());
        assertEquals(r, bob.get("p|1").orElseThrow());
    }
}
