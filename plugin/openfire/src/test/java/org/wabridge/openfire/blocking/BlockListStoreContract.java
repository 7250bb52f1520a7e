/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** What every {@link BlockListStore} does; subclasses give a fresh, empty store. */
abstract class BlockListStoreContract {

    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

    protected abstract BlockListStore store() throws Exception;

    @Test
    void addReportsWhetherTheNumberWasNewAndListIsSortedPerUser() throws Exception {
        BlockListStore s = store();
        assertTrue(s.add("alice", "+491701234567", AT));
        assertFalse(s.add("alice", "+491701234567", AT));
        assertTrue(s.add("alice", "+447911123456", AT));
        assertTrue(s.add("bob", "+491701234567", AT));
        assertEquals(List.of("+447911123456", "+491701234567"), new ArrayList<>(s.list("alice")));
        assertEquals(Set.of("+491701234567"), s.list("bob"));
        assertEquals(Set.of(), s.list("carol"));
        assertTrue(s.contains("alice", "+447911123456"));
        assertFalse(s.contains("carol", "+447911123456"));
    }

    @Test
    void removeAndRemoveAllTouchOnlyThatUser() throws Exception {
        BlockListStore s = store();
        s.add("alice", "+491701234567", AT);
        s.add("alice", "+447911123456", AT);
        s.add("bob", "+491701234567", AT);
        assertTrue(s.remove("alice", "+491701234567"));
        assertFalse(s.remove("alice", "+491701234567"));
        assertEquals(Set.of("+447911123456"), s.list("alice"));
        assertEquals(1, s.removeAll("alice"));
        assertEquals(Set.of(), s.list("alice"));
        assertEquals(Set.of("+491701234567"), s.list("bob"));
    }

    @Test
    void concurrentBlocksOfTheSameNumberCountAsNewExactlyOnce() throws Exception {
        BlockListStore s = store();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> s.add("alice", "+491701234567", AT)));
            }
            int added = 0;
            for (Future<Boolean> r : results) {
                added += r.get() ? 1 : 0;
            }
            assertEquals(1, added);
        } finally {
            pool.shutdownNow();
        }
    }
}
