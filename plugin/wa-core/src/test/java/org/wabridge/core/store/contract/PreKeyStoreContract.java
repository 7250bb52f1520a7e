/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wabridge.core.store.KeyIds;
import org.wabridge.core.store.PreKeyStore;
import org.wabridge.core.store.StoreException;

/** Contract of {@link PreKeyStore}, including the never-reuse id allocator. */
public abstract class PreKeyStoreContract extends StoreContractSupport {

    @Test
    void storeLoadCountAndRemove() throws Exception {
        PreKeyStore preKeys = stores.preKeys();
        preKeys.store(1, bytes("one"));
        preKeys.store(2, bytes("two"));
        PreKeyStore again = reopened().preKeys();
        assertEquals(2, again.count());
        assertArrayEquals(bytes("two"), again.load(2).orElseThrow());
        assertTrue(again.contains(1));
        assertFalse(again.contains(3));
        assertTrue(again.load(3).isEmpty());
        again.remove(1);
        again.remove(1);
        assertFalse(reopened().preKeys().contains(1));
        assertEquals(1, reopened().preKeys().count());
    }

    @Test
    void allocatorStartsAtFirstIdAndHandsOutConsecutiveBlocks() {
        PreKeyStore preKeys = stores.preKeys();
        assertEquals(KeyIds.FIRST_ID, preKeys.allocateIds(812));
        assertEquals(KeyIds.FIRST_ID + 812, preKeys.allocateIds(50));
        assertEquals(KeyIds.FIRST_ID + 862, preKeys.allocateIds(1));
    }

    @Test
    void allocatorNeverReusesIdsEvenAfterKeysAreRemovedOrStoresReopened() throws Exception {
        // Given ids handed out and their keys consumed
        PreKeyStore preKeys = stores.preKeys();
        int first = preKeys.allocateIds(5);
        for (int id = first; id < first + 5; id++) {
            preKeys.store(id, bytes("k" + id));
            preKeys.remove(id);
        }
        // When more ids are allocated after a reopen
        int next = reopened().preKeys().allocateIds(5);
        // Then none of them was handed out before
        assertEquals(first + 5, next);
    }

    @Test
    void allocatorRefusesToWrapAroundTheThreeByteIdSpace() {
        PreKeyStore preKeys = stores.preKeys();
        assertThrows(StoreException.class, () -> preKeys.allocateIds(KeyIds.MAX_ID + 1));
        int first = preKeys.allocateIds(KeyIds.MAX_ID);
        assertEquals(KeyIds.FIRST_ID, first);
        assertThrows(StoreException.class, () -> preKeys.allocateIds(1));
    }

    @Test
    void allocatorRejectsNonPositiveCounts() {
        assertThrows(IllegalArgumentException.class, () -> stores.preKeys().allocateIds(0));
    }

    @Test
    void concurrentAllocationsNeverOverlap() throws Exception {
        PreKeyStore preKeys = stores.preKeys();
        Set<Integer> seen = java.util.Collections.synchronizedSet(new HashSet<>());
        Concurrently.run(4, 25, () -> {
            int first = preKeys.allocateIds(3);
            for (int id = first; id < first + 3; id++) {
                if (!seen.add(id)) {
                    throw new AssertionError("id handed out twice: " + id);
                }
            }
        });
        assertEquals(4 * 25 * 3, seen.size());
    }

    @Test
    void accountsHaveSeparateKeysAndAllocators() throws Exception {
        stores.preKeys().store(1, bytes("mine"));
        stores.preKeys().allocateIds(10);
        PreKeyStore other = otherAccount().preKeys();
        assertFalse(other.contains(1));
        assertEquals(0, other.count());
        assertEquals(KeyIds.FIRST_ID, other.allocateIds(1));
    }
}
