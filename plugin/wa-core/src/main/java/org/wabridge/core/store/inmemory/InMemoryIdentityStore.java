/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.store.IdentityStore;
import org.wabridge.core.store.OwnIdentityRecord;

/** In-memory {@link IdentityStore}. */
public final class InMemoryIdentityStore implements IdentityStore {

    private static final String OWN = "own";

    private final JournaledMap<String> own;
    private final JournaledMap<SignalAddress> peers;
    private final JournaledMap<String> ownRegistration;

    public InMemoryIdentityStore(InMemoryTransactions transactions) {
        this.own = new JournaledMap<>(transactions);
        this.ownRegistration = new JournaledMap<>(transactions);
        this.peers = new JournaledMap<>(transactions);
    }

    @Override
    public Optional<OwnIdentityRecord> loadOwnIdentity() {
        Optional<byte[]> keyPair = own.get(OWN);
        Optional<byte[]> registration = ownRegistration.get(OWN);
        if (keyPair.isEmpty() || registration.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OwnIdentityRecord(keyPair.get(), java.nio.ByteBuffer.wrap(registration.get()).getInt()));
    }

    @Override
    public void saveOwnIdentity(OwnIdentityRecord identity) {
        Objects.requireNonNull(identity, "identity");
        own.put(OWN, identity.keyPair());
        ownRegistration.put(OWN, java.nio.ByteBuffer.allocate(4).putInt(identity.registrationId()).array());
    }

    @Override
    public Optional<byte[]> loadPeerIdentity(SignalAddress address) {
        return peers.get(Objects.requireNonNull(address, "address"));
    }

    @Override
    public void savePeerIdentity(SignalAddress address, byte[] identityKey) {
        peers.put(Objects.requireNonNull(address, "address"), Objects.requireNonNull(identityKey, "identityKey"));
    }

    @Override
    public void deletePeerIdentity(SignalAddress address) {
        peers.remove(Objects.requireNonNull(address, "address"));
    }
}
