/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** A map of byte[] records whose writes are undone when the surrounding unit of work fails. Copies on the way in and out. */
final class JournaledMap<K> {

    private final InMemoryTransactions transactions;
    private final Map<K, byte[]> records = new HashMap<>();

    JournaledMap(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    Optional<byte[]> get(K key) {
        return transactions.read(() -> Optional.ofNullable(records.get(key)).map(byte[]::clone));
    }

    boolean containsKey(K key) {
        return transactions.read(() -> records.containsKey(key));
    }

    int size() {
        return transactions.read(records::size);
    }

    List<K> keys(Predicate<K> filter) {
        return transactions.read(() -> {
            List<K> keys = new ArrayList<>();
            for (K key : records.keySet()) {
                if (filter.test(key)) {
                    keys.add(key);
                }
            }
            return keys;
        });
    }

    void put(K key, byte[] value) {
        byte[] copy = value.clone();
        byte[][] previous = new byte[1][];
        transactions.write(() -> previous[0] = records.put(key, copy), () -> restore(key, previous[0]));
    }

    void remove(K key) {
        byte[][] previous = new byte[1][];
        transactions.write(() -> previous[0] = records.remove(key), () -> restore(key, previous[0]));
    }

    private void restore(K key, byte[] previous) {
        if (previous == null) {
            records.remove(key);
        } else {
            records.put(key, previous);
        }
    }
}
