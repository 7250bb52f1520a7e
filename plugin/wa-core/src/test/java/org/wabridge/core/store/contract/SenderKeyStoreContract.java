/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wabridge.core.store.SenderKeyName;
import org.wabridge.core.store.SenderKeyStore;

/** Contract of {@link SenderKeyStore}. */
public abstract class SenderKeyStoreContract extends StoreContractSupport {

    private static final String GROUP = "120363000000000001@g.us";

    @Test
    void senderKeysAreKeyedByGroupAndSenderDevice() throws Exception {
        SenderKeyStore keys = stores.senderKeys();
        keys.store(new SenderKeyName(GROUP, address("alice", 0)), bytes("a0"));
        keys.store(new SenderKeyName(GROUP, address("alice", 1)), bytes("a1"));
        keys.store(new SenderKeyName("other@g.us", address("alice", 0)), bytes("other"));
        SenderKeyStore again = reopened().senderKeys();
        assertArrayEquals(bytes("a0"), again.load(new SenderKeyName(GROUP, address("alice", 0))).orElseThrow());
        assertArrayEquals(bytes("a1"), again.load(new SenderKeyName(GROUP, address("alice", 1))).orElseThrow());
        assertArrayEquals(bytes("other"), again.load(new SenderKeyName("other@g.us", address("alice", 0))).orElseThrow());
        assertTrue(again.load(new SenderKeyName(GROUP, address("bob", 0))).isEmpty());
    }

    @Test
    void replaceAndDelete() throws Exception {
        SenderKeyName name = new SenderKeyName(GROUP, address("alice", 0));
        stores.senderKeys().store(name, bytes("v1"));
        stores.senderKeys().store(name, bytes("v2"));
        assertArrayEquals(bytes("v2"), reopened().senderKeys().load(name).orElseThrow());
        stores.senderKeys().delete(name);
        stores.senderKeys().delete(name);
        assertTrue(reopened().senderKeys().load(name).isEmpty());
    }

    @Test
    void accountsAreIsolated() throws Exception {
        SenderKeyName name = new SenderKeyName(GROUP, address("alice", 0));
        stores.senderKeys().store(name, bytes("mine"));
        assertTrue(otherAccount().senderKeys().load(name).isEmpty());
    }
}
