/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.store.SessionStore;

/** In-memory {@link SessionStore}. */
public final class InMemorySessionStore implements SessionStore {

    private final JournaledMap<SignalAddress> sessions;

    public InMemorySessionStore(InMemoryTransactions transactions) {
        this.sessions = new JournaledMap<>(transactions);
    }

    @Override
    public Optional<byte[]> load(SignalAddress address) {
        return sessions.get(Objects.requireNonNull(address, "address"));
    }

    @Override
    public void store(SignalAddress address, byte[] record) {
        sessions.put(Objects.requireNonNull(address, "address"), Objects.requireNonNull(record, "record"));
    }

    @Override
    public boolean contains(SignalAddress address) {
        return sessions.containsKey(Objects.requireNonNull(address, "address"));
    }

    @Override
    public void delete(SignalAddress address) {
        sessions.remove(Objects.requireNonNull(address, "address"));
    }

    @Override
    public void deleteAll(String name) {
        for (SignalAddress address : sessions.keys(a -> a.name().equals(name))) {
            sessions.remove(address);
        }
    }

    @Override
    public List<Integer> deviceIds(String name) {
        return sessions.keys(a -> a.name().equals(name)).stream().map(SignalAddress::deviceId).sorted().toList();
    }
}
