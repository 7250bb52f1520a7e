/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.wabridge.core.binary.Node;

/**
 * Stanzas sent and waiting for the server's {@code <ack>} (whatsapp-protocol.md §5.5), keyed by ack class,
 * id and (for receipts) type, so a delivery receipt's ack never completes a read receipt's wait. Bounded;
 * each wait times out on the scheduler. Unmatched acks are ignored, as the spec advises.
 */
final class AckWaiters {
    private final ScheduledExecutorService scheduler;
    private final int capacity;
    private final Map<String, CompletableFuture<Node>> waiting = new ConcurrentHashMap<>();

    AckWaiters(ScheduledExecutorService scheduler, int capacity) {
        this.scheduler = scheduler;
        this.capacity = capacity;
    }

    static String key(String ackClass, String id, Optional<String> type) {
        return ackClass + "|" + id + "|" + type.orElse("");
    }

    /** Registers a wait; empty when too many sends are already waiting. */
    Optional<CompletableFuture<Node>> register(String key, Duration timeout) {
        if (waiting.size() >= capacity) {
            return Optional.empty();
        }
        CompletableFuture<Node> f = new CompletableFuture<>();
        CompletableFuture<Node> previous = waiting.put(key, f);
        if (previous != null) {
            previous.cancel(false); // same stanza sent again: only the newest send waits
        }
        scheduler.schedule(() -> {
            if (waiting.remove(key, f)) {
                f.completeExceptionally(new java.util.concurrent.TimeoutException("no ack within " + timeout));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(f);
    }

    /** Completes the wait for an incoming {@code <ack>}; false if nobody waited. */
    boolean complete(Node ack) {
        String ackClass = ack.attrs().optString("class", "");
        String id = ack.attrs().optString("id", "");
        Optional<String> type = "receipt".equals(ackClass) ? ack.attrs().optString("type") : Optional.empty();
        CompletableFuture<Node> f = waiting.remove(key(ackClass, id, type));
        return f != null && f.complete(ack);
    }

    /** Drops a wait whose stanza could not be written. */
    void forget(String key) {
        waiting.remove(key);
    }

    /** The connection ended: no ack can arrive for what is waiting. */
    void failAll(Exception why) {
        for (String key : waiting.keySet()) {
            CompletableFuture<Node> f = waiting.remove(key);
            if (f != null) {
                f.completeExceptionally(why);
            }
        }
    }

    int size() {
        return waiting.size();
    }
}
