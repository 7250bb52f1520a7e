/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.wabridge.core.binary.Node;

/**
 * Outstanding IQs of one connection, matched by {@code id} when their {@code result}/{@code error} arrives,
 * before normal routing. Each entry has a timeout on the shared scheduler; when the connection ends all
 * entries fail at once, so no caller waits forever. Thread-safe. The size is bounded by what callers send;
 * {@link #size()} is the metric.
 */
public final class PendingRequests {
    private record Entry(CompletableFuture<Node> future, ScheduledFuture<?> timeout) {
    }

    private final ScheduledExecutorService scheduler;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    public PendingRequests(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Registers {@code id} before the request is sent; the future completes with the answer IQ. */
    public CompletableFuture<Node> register(String id, Duration timeout) {
        CompletableFuture<Node> future = new CompletableFuture<>();
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            Entry gone = entries.remove(id);
            if (gone != null) {
                gone.future().completeExceptionally(new IqTimeoutException(id, timeout));
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (entries.putIfAbsent(id, new Entry(future, timer)) != null) {
            timer.cancel(false);
            throw new IllegalStateException("duplicate iq id " + id);
        }
        return future;
    }

    /**
     * If {@code node} is the {@code result} or {@code error} IQ answering a registered id, completes it and
     * returns true; otherwise (server-initiated IQs, other tags, unknown ids) returns false.
     */
    public boolean complete(Node node) {
        if (!"iq".equals(node.tag())) {
            return false;
        }
        Object type = node.attribute("type");
        Object id = node.attribute("id");
        if (id == null || !("result".equals(type) || "error".equals(type))) {
            return false;
        }
        Entry entry = entries.remove(id.toString());
        if (entry == null) {
            return false;
        }
        entry.timeout().cancel(false);
        entry.future().complete(node);
        return true;
    }

    /** Fails one request, e.g. because sending it failed. */
    public void fail(String id, Exception cause) {
        Entry entry = entries.remove(id);
        if (entry != null) {
            entry.timeout().cancel(false);
            entry.future().completeExceptionally(cause);
        }
    }

    /** Fails every outstanding request (the connection ended). */
    public void failAll(Exception cause) {
        List<Entry> all = new ArrayList<>(entries.values());
        entries.clear();
        for (Entry entry : all) {
            entry.timeout().cancel(false);
            entry.future().completeExceptionally(cause);
        }
    }

    public int size() {
        return entries.size();
    }
}
