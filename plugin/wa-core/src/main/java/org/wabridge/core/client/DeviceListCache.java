/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.wabridge.core.iq.UserDevices;
import org.wabridge.core.jid.WaJid;

/**
 * Device lists from usync (whatsapp-protocol.md §5.2), least recently used first out, each valid for a while;
 * a {@code phash} mismatch in a send ack or a {@code devices}/identity notification invalidates an entry.
 * Thread-safe.
 */
final class DeviceListCache {
    private record Entry(UserDevices devices, Instant fetchedAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final int capacity;
    private final LinkedHashMap<WaJid, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    DeviceListCache(Clock clock, Duration ttl, int capacity) {
        this.clock = clock;
        this.ttl = ttl;
        this.capacity = capacity;
    }

    synchronized Optional<UserDevices> get(WaJid user) {
        Entry e = entries.get(user.toNonAd());
        if (e == null) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(e.fetchedAt().plus(ttl))) {
            entries.remove(user.toNonAd());
            return Optional.empty();
        }
        return Optional.of(e.devices());
    }

    synchronized void put(UserDevices devices) {
        entries.put(devices.jid().toNonAd(), new Entry(devices, clock.instant()));
        while (entries.size() > capacity) {
            Map.Entry<WaJid, Entry> eldest = entries.entrySet().iterator().next();
            entries.remove(eldest.getKey());
        }
    }

    synchronized void invalidate(WaJid user) {
        entries.remove(user.toNonAd());
    }

    synchronized int size() {
        return entries.size();
    }
}
