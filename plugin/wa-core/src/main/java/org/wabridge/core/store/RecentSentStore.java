/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

import java.util.Optional;

/**
 * The messages one account sent recently, kept so a retry receipt can be answered by re-encrypting the same
 * plaintext for the device that could not decrypt it (whatsapp-protocol.md §5.8, §8.5). Durable in production
 * (a crash must not make recent messages unrecoverable), bounded: when more than the implementation's capacity
 * are stored the oldest by {@link SentMessageRecord#sentAt()} (then insertion order) go first.
 *
 * <p>Thread-safe. Methods are store I/O: call them from a worker thread, never from a network read loop.
 */
public interface RecentSentStore {

    /** Stores {@code record}, replacing one with the same message id. */
    void put(SentMessageRecord record);

    /** The message sent with {@code messageId}, if still kept. */
    Optional<SentMessageRecord> get(String messageId);

    /** Forgets one message (no-op if absent). */
    void remove(String messageId);

    /** How many messages are kept. */
    int size();

    /** The most this store keeps. */
    int capacity();
}
