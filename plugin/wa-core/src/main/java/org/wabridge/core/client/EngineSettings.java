/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of one {@link WaEngine}; every queue and cache is bounded by one of them.
 *
 * @param connection         transport, login and keepalive settings
 * @param ackTimeout         how long a sent stanza waits for the server's ack before {@code TIMEOUT}
 * @param handoffTimeout     how long the gateway may take to answer a {@link Handoff}; no answer = failed
 * @param maxPendingSends    sends waiting for an ack at once, and gateway calls waiting on the engine's queue;
 *                           more are rejected ({@code RATE_LIMITED})
 * @param maxPendingHandoffs received messages awaiting the gateway at once, and received stanzas waiting on the
 *                           engine's queue; more stay unacked on the server (past the latter bound the engine
 *                           reconnects so that the server redelivers them)
 * @param deviceCacheSize    users whose device lists are cached
 * @param deviceCacheTtl     how long a cached device list is trusted
 * @param maxRetryReceipts   retry receipts sent per undecryptable message before giving up (whatsmeow: 5)
 * @param maxRetryAnswers    re-sends per message in answer to retry receipts (whatsmeow: 10)
 * @param seenIdsCapacity    message ids remembered as handed off, to drop redeliveries
 * @param pushName           the display name sent with own presence
 */
public record EngineSettings(WaConnectionConfig connection, Duration ackTimeout, Duration handoffTimeout,
                             int maxPendingSends, int maxPendingHandoffs, int deviceCacheSize,
                             Duration deviceCacheTtl, int maxRetryReceipts, int maxRetryAnswers,
                             int seenIdsCapacity, String pushName) {
    public EngineSettings {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        Objects.requireNonNull(handoffTimeout, "handoffTimeout");
        Objects.requireNonNull(deviceCacheTtl, "deviceCacheTtl");
        Objects.requireNonNull(pushName, "pushName");
        if (maxPendingSends < 1 || maxPendingHandoffs < 1 || deviceCacheSize < 1 || maxRetryReceipts < 1
                || maxRetryAnswers < 1 || seenIdsCapacity < 1) {
            throw new IllegalArgumentException("queue and cache bounds must be positive");
        }
    }

    /** Default connection, 60 s ack and handoff waits, 1,000 pending sends/handoffs, 5,000 device lists. */
    public static EngineSettings defaults() {
        return new EngineSettings(WaConnectionConfig.defaults(), Duration.ofSeconds(60), Duration.ofSeconds(60),
                1000, 1000, 5000, Duration.ofHours(1), 5, 10, 10_000, "");
    }

    public EngineSettings withConnection(WaConnectionConfig value) {
        return new EngineSettings(value, ackTimeout, handoffTimeout, maxPendingSends, maxPendingHandoffs,
                deviceCacheSize, deviceCacheTtl, maxRetryReceipts, maxRetryAnswers, seenIdsCapacity, pushName);
    }

    public EngineSettings withTimeouts(Duration ack, Duration handoff) {
        return new EngineSettings(connection, ack, handoff, maxPendingSends, maxPendingHandoffs, deviceCacheSize,
                deviceCacheTtl, maxRetryReceipts, maxRetryAnswers, seenIdsCapacity, pushName);
    }

    public EngineSettings withPushName(String value) {
        return new EngineSettings(connection, ackTimeout, handoffTimeout, maxPendingSends, maxPendingHandoffs,
                deviceCacheSize, deviceCacheTtl, maxRetryReceipts, maxRetryAnswers, seenIdsCapacity, value);
    }
}
