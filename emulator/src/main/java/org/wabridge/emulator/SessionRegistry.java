/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/** Live sessions, at most one per (user, device): a new login replaces the old connection. */
final class SessionRegistry {
    private final ConcurrentMap<DeviceAddress, ClientSession> live = new ConcurrentHashMap<>();
    private volatile Consumer<DeviceAddress> onGone = d -> { };

    /** Called after a device's live session ended without a successor (presence turns unavailable). */
    void setOnGone(Consumer<DeviceAddress> onGone) {
        this.onGone = onGone;
    }

    /** Registers {@code session}; the one it replaces gets {@code <conflict type="replaced"/>} and is closed. */
    void register(ClientSession session) {
        ClientSession old = live.put(session.address(), session);
        if (old != null && old != session) {
            old.endWith(StreamErrorKind.REPLACED);
        }
    }

    void unregister(ClientSession session) {
        if (live.remove(session.address(), session)) {
            onGone.accept(session.address());
        }
    }

    Optional<ClientSession> get(DeviceAddress address) {
        return Optional.ofNullable(live.get(address));
    }

    int size() {
        return live.size();
    }
}
