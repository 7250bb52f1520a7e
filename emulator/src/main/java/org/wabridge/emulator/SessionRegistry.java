/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Live sessions, at most one per (user, device): a new login replaces the old connection. */
final class SessionRegistry {
    private final ConcurrentMap<DeviceAddress, ClientSession> live = new ConcurrentHashMap<>();

    /** Registers {@code session}; the one it replaces gets {@code <conflict type="replaced"/>} and is closed. */
    void register(ClientSession session) {
        ClientSession old = live.put(session.address(), session);
        if (old != null && old != session) {
            old.endWith(StreamErrorKind.REPLACED);
        }
    }

    void unregister(ClientSession session) {
        live.remove(session.address(), session);
    }

    Optional<ClientSession> get(DeviceAddress address) {
        return Optional.ofNullable(live.get(address));
    }

    int size() {
        return live.size();
    }
}
