/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.store.IdentityStore;
import org.wabridge.core.store.OwnIdentityRecord;

/** In-memory {@link IdentityStore}. */
public final class InMemoryIdentityStore implements IdentityStore {

    private static final String OWN = "own";

    /** The own identity as one entry: 4-byte registration id, then the key pair (one write, so it is atomic). */
    private final JournaledMap<String> own;
    private final JournaledMap<SignalAddress> peers;

    public InMemoryIdentityStore(InMemoryTransactions transactions) {
        this.own = new JournaledMap<>(transactions);
        this.peers = new JournaledMap<>(transactions);
    }

    @Override
    public Optional<OwnIdentityRecord> loadOwnIdentity() {
        return own.get(OWN).map(entry -> new OwnIdentityRecord(Arrays.copyOfRange(entry, 4, entry.length),
                ByteBuffer.wrap(entry).getInt()));
    }

    @Override
    public void saveOwnIdentity(OwnIdentityRecord identity) {
        Objects.requireNonNull(identity, "identity");
        byte[] keyPair = identity.keyPair();
        own.put(OWN, ByteBuffer.allocate(4 + keyPair.length).putInt(identity.registrationId()).put(keyPair).array());
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
