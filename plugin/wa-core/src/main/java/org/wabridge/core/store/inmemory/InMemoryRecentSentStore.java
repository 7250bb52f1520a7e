/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.store.RecentSentStore;
import org.wabridge.core.store.SentMessageRecord;

/**
 * A bounded {@link RecentSentStore} in memory, for tests and for deployments that accept losing the retry
 * history on restart (whatsmeow keeps 256 in RAM, whatsapp-protocol.md §5.8). Evicts in insertion order, which
 * for the engine (it stores at send time) is the order of {@code sentAt}.
 */
public final class InMemoryRecentSentStore implements RecentSentStore {
    /** whatsmeow's in-memory size (§5.8). */
    public static final int DEFAULT_CAPACITY = 256;

    private final int capacity;
    private final LinkedHashMap<String, SentMessageRecord> records = new LinkedHashMap<>();

    public InMemoryRecentSentStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.capacity = capacity;
    }

    public InMemoryRecentSentStore() {
        this(DEFAULT_CAPACITY);
    }

    @Override
    public synchronized void put(SentMessageRecord record) {
        Objects.requireNonNull(record, "record");
        records.remove(record.messageId()); // a replaced record counts as new
        records.put(record.messageId(), record);
        while (records.size() > capacity) {
            Map.Entry<String, SentMessageRecord> oldest = records.entrySet().iterator().next();
            records.remove(oldest.getKey());
        }
    }

    @Override
    public synchronized Optional<SentMessageRecord> get(String messageId) {
        return Optional.ofNullable(records.get(Objects.requireNonNull(messageId, "messageId")));
    }

    @Override
    public synchronized void remove(String messageId) {
        records.remove(Objects.requireNonNull(messageId, "messageId"));
    }

    @Override
    public synchronized int size() {
        return records.size();
    }

    @Override
    public int capacity() {
        return capacity;
    }
}
