/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wabridge.core.store.RecentSentStore;
import org.wabridge.core.store.SentMessageRecord;

/**
 * The behaviour every {@link RecentSentStore} must show (style: one contract test per store interface, run on
 * every implementation). Subclasses return an empty store of the given capacity.
 */
public abstract class RecentSentStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** A fresh, empty store bounded to {@code capacity} records. */
    protected abstract RecentSentStore newStore(int capacity) throws Exception;

    private static SentMessageRecord record(String id, int second, String body) {
        return new SentMessageRecord(id, "491700000002@s.whatsapp.net", "text", Optional.empty(),
                body.getBytes(StandardCharsets.UTF_8), T0.plusSeconds(second));
    }

    @Test
    void storedRecordComesBackWithAllFields() throws Exception {
        RecentSentStore store = newStore(8);
        SentMessageRecord edit = new SentMessageRecord("3EB0AA", "1-31337@interop", "text", Optional.of("1"),
                new byte[] {1, 2, 3, 0, -1}, T0);
        store.put(edit);
        SentMessageRecord back = store.get("3EB0AA").orElseThrow();
        assertEquals(edit, back);
        assertArrayEquals(new byte[] {1, 2, 3, 0, -1}, back.plaintext());
        assertEquals(Optional.of("1"), back.edit());
        assertEquals(1, store.size());
    }

    @Test
    void unknownIdIsEmpty() throws Exception {
        RecentSentStore store = newStore(8);
        store.put(record("a", 1, "x"));
        assertEquals(Optional.empty(), store.get("b"));
    }

    @Test
    void putWithTheSameIdReplaces() throws Exception {
        RecentSentStore store = newStore(8);
        store.put(record("a", 1, "first"));
        store.put(record("a", 2, "second"));
        assertEquals(1, store.size());
        assertArrayEquals("second".getBytes(StandardCharsets.UTF_8), store.get("a").orElseThrow().plaintext());
    }

    @Test
    void oldestRecordsAreEvictedBeyondCapacity() throws Exception {
        RecentSentStore store = newStore(3);
        for (int i = 0; i < 5; i++) {
            store.put(record("m" + i, i, "body" + i));
        }
        assertEquals(3, store.size());
        assertTrue(store.get("m0").isEmpty());
        assertTrue(store.get("m1").isEmpty());
        for (int i = 2; i < 5; i++) {
            assertArrayEquals(("body" + i).getBytes(StandardCharsets.UTF_8),
                    store.get("m" + i).orElseThrow().plaintext());
        }
        assertEquals(3, store.capacity());
    }

    @Test
    void removeForgetsOnlyThatMessage() throws Exception {
        RecentSentStore store = newStore(8);
        store.put(record("a", 1, "x"));
        store.put(record("b", 2, "y"));
        store.remove("a");
        store.remove("never-stored");
        assertTrue(store.get("a").isEmpty());
        assertTrue(store.get("b").isPresent());
        assertEquals(1, store.size());
    }

    @Test
    void changingTheCallersArrayDoesNotChangeTheStoredPlaintext() throws Exception {
        RecentSentStore store = newStore(8);
        byte[] body = {9, 9, 9};
        store.put(new SentMessageRecord("a", "x@s.whatsapp.net", "text", Optional.empty(), body, T0));
        body[0] = 0;
        store.get("a").orElseThrow().plaintext()[1] = 0;
        assertArrayEquals(new byte[] {9, 9, 9}, store.get("a").orElseThrow().plaintext());
    }

    @Test
    void concurrentWritersNeverExceedTheCapacity() throws Exception {
        RecentSentStore store = newStore(50);
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        Concurrently.run(4, 100, () -> {
            int i = n.incrementAndGet();
            store.put(record("c" + i, i, "b" + i));
        });
        assertEquals(50, store.size());
    }
}
