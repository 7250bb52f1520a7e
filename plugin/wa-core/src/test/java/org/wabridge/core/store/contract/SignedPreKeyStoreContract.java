/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wabridge.core.store.KeyIds;
import org.wabridge.core.store.SignedPreKeyStore;
import org.wabridge.core.store.StoredKey;

/** Contract of {@link SignedPreKeyStore}. */
public abstract class SignedPreKeyStoreContract extends StoreContractSupport {

    @Test
    void storeLoadAllInIdOrderAndRemove() throws Exception {
        SignedPreKeyStore signed = stores.signedPreKeys();
        signed.store(9, bytes("nine"));
        signed.store(2, bytes("two"));
        signed.store(5, bytes("five"));
        List<StoredKey> all = reopened().signedPreKeys().loadAll();
        assertEquals(List.of(2, 5, 9), all.stream().map(StoredKey::id).toList());
        assertArrayEquals(bytes("five"), all.get(1).record());
        signed.remove(5);
        signed.remove(5);
        SignedPreKeyStore again = reopened().signedPreKeys();
        assertFalse(again.contains(5));
        assertTrue(again.contains(9));
        assertTrue(again.load(5).isEmpty());
        assertArrayEquals(bytes("nine"), again.load(9).orElseThrow());
    }

    @Test
    void storingAgainReplacesTheRecord() throws Exception {
        stores.signedPreKeys().store(1, bytes("a"));
        stores.signedPreKeys().store(1, bytes("b"));
        assertArrayEquals(bytes("b"), reopened().signedPreKeys().load(1).orElseThrow());
        assertEquals(1, reopened().signedPreKeys().loadAll().size());
    }

    @Test
    void allocatedIdsAreFreshAcrossReopen() throws Exception {
        int first = stores.signedPreKeys().allocateId();
        assertEquals(KeyIds.FIRST_ID, first);
        int second = reopened().signedPreKeys().allocateId();
        assertNotEquals(first, second);
        assertEquals(first + 1, second);
    }

    @Test
    void accountsAreIsolated() throws Exception {
        stores.signedPreKeys().store(1, bytes("mine"));
        SignedPreKeyStore other = otherAccount().signedPreKeys();
        assertTrue(other.loadAll().isEmpty());
        assertFalse(other.contains(1));
    }
}
