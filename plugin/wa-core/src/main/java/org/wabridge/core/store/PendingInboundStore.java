/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

import java.util.Optional;

/**
 * One account's decrypted messages that the gateway has not confirmed yet ({@link PendingInbound}). Durable in
 * production: after a restart WhatsApp redelivers such a message, the Signal layer reports it as a duplicate,
 * and only this store still has its content — without it the message would be lost. The engine bounds how many
 * it keeps (its pending-handoff limit) and removes each record once the gateway confirmed the handoff.
 *
 * <p>Thread-safe. Methods are store I/O: call them from a worker thread, never from a network read loop.
 */
public interface PendingInboundStore {

    /** Stores {@code record}, replacing one with the same key. */
    void put(PendingInbound record);

    /** The record under {@code key} (sender and stanza id), if kept. */
    Optional<PendingInbound> get(String key);

    /** Forgets one record (no-op if absent). */
    void remove(String key);

    /** How many records are kept (a metric). */
    int size();
}
