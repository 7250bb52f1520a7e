/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.store.SignalStores;
import org.wabridge.core.store.StoreException;
import org.wabridge.core.store.contract.StoreFixture;

/**
 * JDBC-specific guarantees beyond the store contracts: the connection dies in the middle of a unit of work;
 * two independently opened store instances of one account (as on two cluster nodes) update concurrently; many
 * accounts work at once.
 */
abstract class JdbcRobustnessContract {

    private static final SignalAddress PEER = new SignalAddress("peer", 1);

    private StoreFixture fixture;

    protected abstract StoreFixture createFixture() throws Exception;

    /** Makes the connection unusable the way a crash would (server-side termination or abrupt close). */
    protected abstract void crash(Connection connection) throws Exception;

    @BeforeEach
    void open() throws Exception {
        fixture = createFixture();
    }

    @AfterEach
    void close() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void connectionDyingMidUnitOfWorkLeavesTheOldSession() throws Exception {
        // Given a stored session
        String account = "acct-" + UUID.randomUUID();
        SignalStores stores = fixture.open(account);
        stores.sessions().store(PEER, utf8("old-session"));
        stores.preKeys().store(3, utf8("prekey"));
        // When a unit of work writes a new session, consumes the prekey, then its connection dies
        JdbcTransactions transactions = (JdbcTransactions) stores.transactions();
        assertThrows(StoreException.class, () -> transactions.inTransaction(() -> {
            stores.sessions().store(PEER, utf8("new-session"));
            stores.preKeys().remove(3);
            crash(transactions.boundConnection());
            stores.sessions().store(new SignalAddress("peer", 2), utf8("never"));
            return null;
        }));
        // Then, read through a fresh connection, the old state is all there
        SignalStores after = fixture.open(account);
        assertArrayEquals(utf8("old-session"), after.sessions().load(PEER).orElseThrow());
        assertTrue(after.preKeys().contains(3));
        assertFalse(after.sessions().contains(new SignalAddress("peer", 2)));
        // and the stores keep working
        after.sessions().store(PEER, utf8("newer"));
        assertArrayEquals(utf8("newer"), fixture.open(account).sessions().load(PEER).orElseThrow());
    }

    @Test
    void twoStoreInstancesOfOneAccountLoseNoUpdate() throws Exception {
        // Given one account opened twice, as two processes would
        String account = "acct-" + UUID.randomUUID();
        SignalStores first = fixture.open(account);
        SignalStores second = fixture.open(account);
        first.sessions().store(PEER, counter(0));
        // When both increment a counter record concurrently in units of work
        int perInstance = 30;
        runConcurrently(List.of(() -> increment(first, perInstance), () -> increment(second, perInstance)));
        // Then no increment is lost: the account row lock serialized them across instances
        assertEquals(2L * perInstance, ByteBuffer.wrap(fixture.open(account).sessions().load(PEER).orElseThrow()).getLong());
        // and prekey ids allocated through both instances never collide
        int a = first.preKeys().allocateIds(10);
        int b = second.preKeys().allocateIds(10);
        assertTrue(Math.abs(a - b) >= 10, "overlapping id blocks " + a + " and " + b);
    }

    @Test
    void manyAccountsWorkConcurrently() throws Exception {
        List<SignalStores> accounts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SignalStores stores = fixture.open("acct-" + UUID.randomUUID());
            stores.sessions().store(PEER, counter(0));
            accounts.add(stores);
        }
        List<Runnable> jobs = new ArrayList<>();
        for (SignalStores stores : accounts) {
            jobs.add(() -> increment(stores, 15));
        }
        runConcurrently(jobs);
        for (SignalStores stores : accounts) {
            assertEquals(15L, ByteBuffer.wrap(stores.sessions().load(PEER).orElseThrow()).getLong());
        }
    }

    private static void increment(SignalStores stores, int times) {
        for (int i = 0; i < times; i++) {
            stores.transactions().inTransaction(() -> {
                long value = ByteBuffer.wrap(stores.sessions().load(PEER).orElseThrow()).getLong();
                stores.sessions().store(PEER, counter(value + 1));
                return null;
            });
        }
    }

    private static void runConcurrently(List<Runnable> jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable job : jobs) {
                futures.add(pool.submit(job));
            }
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] counter(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
