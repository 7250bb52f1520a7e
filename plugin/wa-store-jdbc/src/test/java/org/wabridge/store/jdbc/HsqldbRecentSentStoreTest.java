/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wabridge.core.store.RecentSentStore;
import org.wabridge.core.store.SentMessageRecord;
import org.wabridge.core.store.contract.RecentSentStoreContract;

/** wa-core's recent-sent contract on a fresh in-memory HSQLDB per test, plus what only a database can show. */
class HsqldbRecentSentStoreTest extends RecentSentStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static ConnectionProvider freshDatabase() {
        String url = "jdbc:hsqldb:mem:rs-" + UUID.randomUUID();
        ConnectionProvider connections = () -> DriverManager.getConnection(url, "SA", "");
        JdbcSchema.installIfMissing(connections);
        return connections;
    }

    @Override
    protected RecentSentStore newStore(int capacity) {
        return new JdbcRecentSentStore(freshDatabase(), "acct-1", capacity);
    }

    private static SentMessageRecord record(String id, Instant at) {
        return new SentMessageRecord(id, "491700000002@s.whatsapp.net", "text", Optional.empty(),
                ("body of " + id).getBytes(StandardCharsets.UTF_8), at);
    }

    @Test
    void recordsSurviveARestartAndInsertionOrderKeepsGrowing() {
        ConnectionProvider db = freshDatabase();
        JdbcRecentSentStore before = new JdbcRecentSentStore(db, "acct-1", 2);
        before.put(record("a", T0));
        before.put(record("b", T0));

        JdbcRecentSentStore after = new JdbcRecentSentStore(db, "acct-1", 2); // a new process, same table
        assertEquals(record("a", T0), after.get("a").orElseThrow());
        after.put(record("c", T0)); // same send time: the oldest inserted ("a") goes, across the restart
        assertTrue(after.get("a").isEmpty());
        assertTrue(after.get("b").isPresent());
        assertTrue(after.get("c").isPresent());
    }

    @Test
    void accountsShareTheTableButNotTheirRecordsOrCapacity() {
        ConnectionProvider db = freshDatabase();
        JdbcRecentSentStore alice = new JdbcRecentSentStore(db, "alice", 1);
        JdbcRecentSentStore bob = new JdbcRecentSentStore(db, "bob", 1);
        alice.put(record("same-id", T0));
        bob.put(record("same-id", T0.plusSeconds(1)));
        bob.put(record("bob-2", T0.plusSeconds(2)));
        assertEquals(T0, alice.get("same-id").orElseThrow().sentAt());
        assertTrue(bob.get("same-id").isEmpty(), "bob's capacity of 1 evicted only bob's own row");
        alice.clear();
        assertEquals(0, alice.size());
        assertEquals(1, bob.size());
    }
}
