/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import org.wabridge.core.binary.Node;
import org.wabridge.core.stanza.IbStanza;

/**
 * Stanzas addressed to one device that it has not acknowledged yet, in arrival order. Every stanza stays
 * until the device acks its id (so a device that drops before acking gets it again on its next connect),
 * or until it is older than the retention period. Bounded: a full queue refuses new stanzas.
 * All methods synchronize on the queue, which also orders live sends after offline replay.
 */
final class DeviceQueue {
    private record Entry(Node stanza, Instant queuedAt) {
    }

    private final LinkedHashMap<String, Entry> pending = new LinkedHashMap<>();
    private final int capacity;
    private final Duration retention;
    private final Clock clock;
    private ClientSession live;

    DeviceQueue(int capacity, Duration retention, Clock clock) {
        this.capacity = capacity;
        this.retention = retention;
        this.clock = clock;
    }

    /** Queues {@code stanza} under {@code key} and sends it at once when the device is online. */
    synchronized boolean offer(String key, Node stanza) {
        purgeExpired();
        if (pending.size() >= capacity && !pending.containsKey(key)) {
            return false;
        }
        pending.put(key, new Entry(stanza, clock.instant()));
        if (live != null && live.isOpen()) {
            live.send(stanza);
        }
        return true;
    }

    synchronized boolean acknowledge(String key) {
        return pending.remove(key) != null;
    }

    synchronized int size() {
        purgeExpired();
        return pending.size();
    }

    /**
     * Makes {@code session} the live one and replays what is pending, framed by the offline markers
     * (whatsapp-protocol.md §5.11): preview, the stanzas in order, then the end marker.
     */
    synchronized void attach(ClientSession session) {
        purgeExpired();
        live = session;
        List<Node> stanzas = new ArrayList<>();
        int messages = 0;
        int notifications = 0;
        int receipts = 0;
        for (Entry e : pending.values()) {
            String tag = e.stanza().tag();
            // replayed messages carry WhatsApp's offline marker, so the client knows they waited
            stanzas.add(tag.equals("message") ? e.stanza().toBuilder().attr("offline", "1").build() : e.stanza());
            messages += tag.equals("message") ? 1 : 0;
            notifications += tag.equals("notification") ? 1 : 0;
            receipts += tag.equals("receipt") ? 1 : 0;
        }
        session.send(new IbStanza.OfflinePreview(stanzas.size(), messages, notifications, receipts, 0).toNode());
        for (Node n : stanzas) {
            session.send(n);
        }
        session.send(new IbStanza.OfflineComplete(stanzas.size()).toNode());
    }

    synchronized void detach(ClientSession session) {
        if (live == session) {
            live = null;
        }
    }

    private void purgeExpired() {
        Instant cutoff = clock.instant().minus(retention);
        for (Iterator<Entry> it = pending.values().iterator(); it.hasNext(); ) {
            if (it.next().queuedAt().isBefore(cutoff)) {
                it.remove();
            }
        }
    }
}
