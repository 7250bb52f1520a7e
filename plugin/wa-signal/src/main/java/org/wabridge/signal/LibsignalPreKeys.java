/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.signal.libsignal.protocol.IdentityKeyPair;
import org.signal.libsignal.protocol.InvalidMessageException;
import org.signal.libsignal.protocol.ecc.Curve;
import org.signal.libsignal.protocol.ecc.ECKeyPair;
import org.signal.libsignal.protocol.kem.KEMKeyPair;
import org.signal.libsignal.protocol.kem.KEMKeyType;
import org.signal.libsignal.protocol.state.KyberPreKeyRecord;
import org.signal.libsignal.protocol.state.PreKeyRecord;
import org.signal.libsignal.protocol.state.SignedPreKeyRecord;
import org.signal.libsignal.protocol.util.KeyHelper;
import org.wabridge.core.signal.KyberPreKey;
import org.wabridge.core.signal.LocalIdentity;
import org.wabridge.core.signal.OneTimePreKey;
import org.wabridge.core.signal.SignedPreKey;
import org.wabridge.core.signal.SignedPreKeyInfo;
import org.wabridge.core.store.OwnIdentityRecord;
import org.wabridge.core.store.SignalStores;
import org.wabridge.core.store.StoreException;
import org.wabridge.core.store.StoredKey;

/** Identity and prekey generation for {@link LibsignalCrypto}. Callers hold the operation runner. */
final class LibsignalPreKeys {

    private final SignalStores stores;
    private final LibsignalStoreConnector connector;
    private final Clock clock;

    LibsignalPreKeys(SignalStores stores, LibsignalStoreConnector connector, Clock clock) {
        this.stores = stores;
        this.connector = connector;
        this.clock = clock;
    }

    static org.wabridge.core.signal.IdentityKeyPair generateIdentityKeyPair() {
        IdentityKeyPair pair = IdentityKeyPair.generate();
        return new org.wabridge.core.signal.IdentityKeyPair(LibsignalStoreConnector.rawKey(pair.getPublicKey()),
                pair.getPrivateKey().serialize());
    }

    /** Registration ids in 1..16380, the range libsignal and Baileys use (whatsapp-protocol.md §5.3). */
    static int generateRegistrationId() {
        return KeyHelper.generateRegistrationId(false);
    }

    /** Loads the own identity, creating it on first use. Must run inside a unit of work. */
    LocalIdentity ensureLocalIdentity() {
        Optional<OwnIdentityRecord> stored = stores.identities().loadOwnIdentity();
        if (stored.isEmpty()) {
            IdentityKeyPair pair = IdentityKeyPair.generate();
            stores.identities().saveOwnIdentity(new OwnIdentityRecord(pair.serialize(), generateRegistrationId()));
        }
        IdentityKeyPair pair = connector.getIdentityKeyPair();
        return new LocalIdentity(LibsignalStoreConnector.rawKey(pair.getPublicKey()),
                connector.getLocalRegistrationId());
    }

    List<OneTimePreKey> generateOneTimePreKeys(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        int first = stores.preKeys().allocateIds(count);
        List<OneTimePreKey> keys = new ArrayList<>(count);
        for (int id = first; id < first + count; id++) {
            ECKeyPair pair = Curve.generateKeyPair();
            stores.preKeys().store(id, new PreKeyRecord(id, pair).serialize());
            keys.add(new OneTimePreKey(id, pair.getPublicKey().getPublicKeyBytes()));
        }
        return keys;
    }

    /** Signs {@code 0x05 || pub} (the 33-byte serialized key) with XEdDSA, as whatsapp-protocol.md §5.3 says. */
    SignedPreKey generateSignedPreKey() {
        ensureLocalIdentity();
        IdentityKeyPair identity = connector.getIdentityKeyPair();
        int id = stores.signedPreKeys().allocateId();
        ECKeyPair pair = Curve.generateKeyPair();
        byte[] signature = identity.getPrivateKey().calculateSignature(pair.getPublicKey().serialize());
        SignedPreKeyRecord record = new SignedPreKeyRecord(id, clock.millis(), pair, signature);
        stores.signedPreKeys().store(id, record.serialize());
        return new SignedPreKey(id, pair.getPublicKey().getPublicKeyBytes(), signature);
    }

    Optional<SignedPreKey> currentSignedPreKey() {
        return parsedSignedPreKeys().stream()
                .max(Comparator.comparingLong(SignedPreKeyRecord::getTimestamp).thenComparingInt(SignedPreKeyRecord::getId))
                .map(LibsignalPreKeys::toPort);
    }

    List<SignedPreKeyInfo> signedPreKeys() {
        return parsedSignedPreKeys().stream()
                .map(r -> new SignedPreKeyInfo(r.getId(), Instant.ofEpochMilli(r.getTimestamp())))
                .sorted(Comparator.comparing(SignedPreKeyInfo::createdAt).thenComparingInt(SignedPreKeyInfo::id))
                .toList();
    }

    private List<SignedPreKeyRecord> parsedSignedPreKeys() {
        List<SignedPreKeyRecord> records = new ArrayList<>();
        for (StoredKey key : stores.signedPreKeys().loadAll()) {
            try {
                records.add(new SignedPreKeyRecord(key.record()));
            } catch (InvalidMessageException e) {
                throw new StoreException("stored signed prekey " + key.id() + " cannot be parsed", e);
            }
        }
        return records;
    }

    private static SignedPreKey toPort(SignedPreKeyRecord record) {
        try {
            return new SignedPreKey(record.getId(), record.getKeyPair().getPublicKey().getPublicKeyBytes(),
                    record.getSignature());
        } catch (org.signal.libsignal.protocol.InvalidKeyException e) {
            throw new StoreException("stored signed prekey " + record.getId() + " has an invalid key", e);
        }
    }

    KyberPreKey generateKyberPreKey(boolean lastResort) {
        ensureLocalIdentity();
        IdentityKeyPair identity = connector.getIdentityKeyPair();
        int id = stores.kyberPreKeys().allocateId();
        KEMKeyPair pair = KEMKeyPair.generate(KEMKeyType.KYBER_1024);
        byte[] publicKey = pair.getPublicKey().serialize();
        byte[] signature = identity.getPrivateKey().calculateSignature(publicKey);
        KyberPreKeyRecord record = new KyberPreKeyRecord(id, clock.millis(), pair, signature);
        stores.kyberPreKeys().store(id, record.serialize(), lastResort);
        return new KyberPreKey(id, publicKey, signature);
    }
}
