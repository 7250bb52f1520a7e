/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.store.SignedPreKeyStore;
import org.wabridge.core.store.StoredKey;

/** In-memory {@link SignedPreKeyStore}. */
public final class InMemorySignedPreKeyStore implements SignedPreKeyStore {

    private final JournaledMap<Integer> keys;
    private final IdAllocator ids;

    public InMemorySignedPreKeyStore(InMemoryTransactions transactions) {
        this.keys = new JournaledMap<>(transactions);
        this.ids = new IdAllocator(transactions, "signed prekey");
    }

    @Override
    public int allocateId() {
        return ids.allocate(1);
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
    public List<StoredKey> loadAll() {
        return keys.keys(id -> true).stream().sorted(Comparator.naturalOrder())
                .flatMap(id -> keys.get(id).map(r -> new StoredKey(id, r)).stream())
                .toList();
    }

    @Override
    public boolean contains(int id) {
        return keys.containsKey(id);
    }

    @Override
    public void remove(int id) {
        keys.remove(id);
    }
}
