/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wabridge.core.store.KyberPreKeyStore;
import org.wabridge.core.store.StoredKey;

/** Contract of {@link KyberPreKeyStore}. */
public abstract class KyberPreKeyStoreContract extends StoreContractSupport {

    @Test
    void oneTimeKeyIsRemovedWhenUsedButLastResortKeyStays() throws Exception {
        // Given a one-time and a last-resort Kyber key
        KyberPreKeyStore kyber = stores.kyberPreKeys();
        kyber.store(1, bytes("one-time"), false);
        kyber.store(2, bytes("last-resort"), true);
        // When both are used by incoming pkmsgs
        kyber.markUsed(1);
        kyber.markUsed(2);
        // Then only the last-resort key remains
        KyberPreKeyStore again = reopened().kyberPreKeys();
        assertFalse(again.contains(1));
        assertTrue(again.contains(2));
        assertArrayEquals(bytes("last-resort"), again.load(2).orElseThrow());
    }

    @Test
    void loadAllIsOrderedById() throws Exception {
        stores.kyberPreKeys().store(7, bytes("seven"), false);
        stores.kyberPreKeys().store(3, bytes("three"), true);
        List<StoredKey> all = reopened().kyberPreKeys().loadAll();
        assertEquals(List.of(3, 7), all.stream().map(StoredKey::id).toList());
        assertArrayEquals(bytes("seven"), all.get(1).record());
    }

    @Test
    void restoringAsOneTimeMakesTheKeyConsumable() throws Exception {
        stores.kyberPreKeys().store(4, bytes("v1"), true);
        stores.kyberPreKeys().store(4, bytes("v2"), false);
        stores.kyberPreKeys().markUsed(4);
        assertFalse(reopened().kyberPreKeys().contains(4));
    }

    @Test
    void markingAnUnknownKeyIsANoOp() throws Exception {
        stores.kyberPreKeys().markUsed(99);
        assertTrue(reopened().kyberPreKeys().loadAll().isEmpty());
    }

    @Test
    void allocatedIdsAreFreshAndAccountsAreIsolated() throws Exception {
        int first = stores.kyberPreKeys().allocateId();
        assertEquals(first + 1, reopened().kyberPreKeys().allocateId());
        stores.kyberPreKeys().store(first, bytes("mine"), false);
        assertFalse(otherAccount().kyberPreKeys().contains(first));
        assertEquals(first, otherAccount().kyberPreKeys().allocateId());
    }
}
