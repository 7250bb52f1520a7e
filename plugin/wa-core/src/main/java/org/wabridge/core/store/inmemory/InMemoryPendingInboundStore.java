/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.wabridge.core.store.PendingInbound;
import org.wabridge.core.store.PendingInboundStore;

/**
 * {@link PendingInboundStore} in memory: for tests, and for deployments that accept that a message whose
 * handoff failed is lost if the process stops before WhatsApp redelivers it. The engine bounds its size.
 */
public final class InMemoryPendingInboundStore implements PendingInboundStore {
    private final Map<String, PendingInbound> records = new ConcurrentHashMap<>();

    @Override
    public void put(PendingInbound record) {
        records.put(Objects.requireNonNull(record, "record").key(), record);
    }

    @Override
    public Optional<PendingInbound> get(String key) {
        return Optional.ofNullable(records.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public void remove(String key) {
        records.remove(Objects.requireNonNull(key, "key"));
    }

    @Override
    public int size() {
        return records.size();
    }
}
