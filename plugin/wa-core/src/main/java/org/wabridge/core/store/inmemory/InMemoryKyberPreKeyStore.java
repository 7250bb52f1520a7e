/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.store.KyberPreKeyStore;
import org.wabridge.core.store.StoredKey;

/** In-memory {@link KyberPreKeyStore}. */
public final class InMemoryKyberPreKeyStore implements KyberPreKeyStore {

    private static final byte[] LAST_RESORT = {1};

    private final JournaledMap<Integer> keys;
    private final JournaledMap<Integer> lastResort;
    private final IdAllocator ids;

    public InMemoryKyberPreKeyStore(InMemoryTransactions transactions) {
        this.keys = new JournaledMap<>(transactions);
        this.lastResort = new JournaledMap<>(transactions);
        this.ids = new IdAllocator(transactions, "Kyber prekey");
    }

    @Override
    public int allocateId() {
        return ids.allocate(1);
    }

    @Override
    public void store(int id, byte[] record, boolean isLastResort) {
        keys.put(id, Objects.requireNonNull(record, "record"));
        if (isLastResort) {
            lastResort.put(id, LAST_RESORT);
        } else {
            lastResort.remove(id);
        }
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
    public void markUsed(int id) {
        if (!lastResort.containsKey(id)) {
            keys.remove(id);
        }
    }
}
