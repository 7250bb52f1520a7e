/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.store.PreKeyStore;

/** In-memory {@link PreKeyStore}. */
public final class InMemoryPreKeyStore implements PreKeyStore {

    private final JournaledMap<Integer> keys;
    private final IdAllocator ids;

    public InMemoryPreKeyStore(InMemoryTransactions transactions) {
        this.keys = new JournaledMap<>(transactions);
        this.ids = new IdAllocator(transactions, "one-time prekey");
    }

    @Override
    public int allocateIds(int count) {
        return ids.allocate(count);
    }

    @Override
    public void store(int id, byte[] record) {
        keys.put(id, Objects.requireNonNull(record, "record"));
    }

    @Override
    public Optional<byte[]> load(int id) {
        return keys.get(id);
    }

    @Override
    public boolean contains(int id) {
        return keys.containsKey(id);
    }

    @Override
    public void remove(int id) {
        keys.remove(id);
    }

    @Override
    public int count() {
        return keys.size();
    }
}
