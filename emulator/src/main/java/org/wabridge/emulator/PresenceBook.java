/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.PresenceStanza;

/**
 * Who is available and who wants to know (whatsapp-protocol.md §5.9). A user is available while at least one
 * of its devices said {@code available} and has not said {@code unavailable} or disconnected since; each
 * change of that user-level state goes to the subscribers' live devices as {@code <presence from=…>} with
 * {@code last} (unix seconds) when the user went away. Nothing is queued: presence is live-only, as on
 * WhatsApp. Subscriptions last until {@code unsubscribe} or until the subscribing device disconnects.
 * Thread-safe (one lock; the work under it is tiny).
 */
final class PresenceBook {
    /** A presence update to send, computed under the lock and delivered outside it. */
    record Update(DeviceAddress to, PresenceStanza stanza) {
    }

    private final Clock clock;
    private final int integrator;
    private final Map<String, Set<Integer>> availableDevices = new HashMap<>();
    private final Map<String, Instant> lastSeen = new HashMap<>();
    private final Map<String, WaJid> userJids = new HashMap<>();
    private final Map<String, Set<DeviceAddress>> subscribers = new HashMap<>();

    PresenceBook(Clock clock, int integrator) {
        this.clock = clock;
        this.integrator = integrator;
    }

    /** {@code device} announced itself available or unavailable; returns the updates for subscribers. */
    synchronized List<Update> announce(DeviceAddress device, boolean available) {
        boolean before = isAvailable(device.user());
        Set<Integer> devices = availableDevices.computeIfAbsent(device.user(), u -> new HashSet<>());
        if (available) {
            devices.add(device.device());
        } else {
            devices.remove(device.device());
        }
        userJids.put(device.user(), userJid(device));
        return changed(device.user(), before);
    }

    /**
     * {@code subscriber} asked for {@code target}'s presence: remembered, and answered at once with the
     * current state so the subscriber does not wait for the next change.
     */
    synchronized Update subscribe(DeviceAddress subscriber, WaJid target) {
        subscribers.computeIfAbsent(target.user(), u -> new HashSet<>()).add(subscriber);
        userJids.putIfAbsent(target.user(), target.toNonAd());
        return new Update(subscriber, current(target.user()));
    }

    synchronized void unsubscribe(DeviceAddress subscriber, WaJid target) {
        Set<DeviceAddress> subs = subscribers.get(target.user());
        if (subs != null) {
            subs.remove(subscriber);
        }
    }

    /** {@code device} disconnected: it is no longer available and its subscriptions end. */
    synchronized List<Update> disconnected(DeviceAddress device) {
        for (Set<DeviceAddress> subs : subscribers.values()) {
            subs.remove(device);
        }
        Set<Integer> devices = availableDevices.get(device.user());
        if (devices == null || !devices.contains(device.device())) {
            return List.of();
        }
        boolean before = isAvailable(device.user());
        devices.remove(device.device());
        return changed(device.user(), before);
    }

    synchronized boolean isAvailable(String user) {
        Set<Integer> devices = availableDevices.get(user);
        return devices != null && !devices.isEmpty();
    }

    private List<Update> changed(String user, boolean before) {
        boolean now = isAvailable(user);
        if (now == before) {
            return List.of();
        }
        if (!now) {
            lastSeen.put(user, clock.instant());
        }
        PresenceStanza stanza = current(user);
        return subscribers.getOrDefault(user, Set.of()).stream().map(s -> new Update(s, stanza)).toList();
    }

    private PresenceStanza current(String user) {
        boolean available = isAvailable(user);
        Instant last = lastSeen.get(user);
        OptionalLong lastSeenSeconds = available || last == null ? OptionalLong.empty()
                : OptionalLong.of(last.getEpochSecond());
        return PresenceStanza.update(userJids.get(user), available, lastSeenSeconds);
    }

    private WaJid userJid(DeviceAddress device) {
        return new DeviceAddress(device.user(), 0, device.interop()).jid(integrator).toNonAd();
    }
}
