/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.store.SenderKeyName;
import org.wabridge.core.store.SenderKeyStore;

/** In-memory {@link SenderKeyStore}. */
public final class InMemorySenderKeyStore implements SenderKeyStore {

    private final JournaledMap<SenderKeyName> keys;

    public InMemorySenderKeyStore(InMemoryTransactions transactions) {
        this.keys = new JournaledMap<>(transactions);
    }

    @Override
    public Optional<byte[]> load(SenderKeyName name) {
        return keys.get(Objects.requireNonNull(name, "name"));
    }

    @Override
    public void store(SenderKeyName name, byte[] record) {
        keys.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(record, "record"));
    }

    @Override
    public void delete(SenderKeyName name) {
        keys.remove(Objects.requireNonNull(name, "name"));
    }
}
