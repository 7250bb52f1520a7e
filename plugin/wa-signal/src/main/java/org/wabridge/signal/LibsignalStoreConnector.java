/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.signal.libsignal.protocol.IdentityKey;
import org.signal.libsignal.protocol.IdentityKeyPair;
import org.signal.libsignal.protocol.InvalidKeyException;
import org.signal.libsignal.protocol.InvalidKeyIdException;
import org.signal.libsignal.protocol.InvalidMessageException;
import org.signal.libsignal.protocol.NoSessionException;
import org.signal.libsignal.protocol.SignalProtocolAddress;
import org.signal.libsignal.protocol.groups.state.SenderKeyRecord;
import org.signal.libsignal.protocol.state.KyberPreKeyRecord;
import org.signal.libsignal.protocol.state.PreKeyRecord;
import org.signal.libsignal.protocol.state.SessionRecord;
import org.signal.libsignal.protocol.state.SignalProtocolStore;
import org.signal.libsignal.protocol.state.SignedPreKeyRecord;
import org.wabridge.core.signal.IdentityChange;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.store.SenderKeyName;
import org.wabridge.core.store.SignalStores;
import org.wabridge.core.store.StoreException;
import org.wabridge.core.store.StoredKey;

/**
 * Adapts one account's {@link SignalStores} to libsignal's store interfaces, converting addresses, keys and
 * records at the boundary. libsignal calls it synchronously from inside an operation of {@link LibsignalCrypto},
 * which holds the instance lock and a unit of work, so the connector itself keeps no lock.
 *
 * <p>Two pieces of per-operation state live here: the identity changes seen by {@link #saveIdentity} (reported
 * to the caller as {@link IdentityChange}s) and the group whose sender keys libsignal may touch (libsignal names
 * a sender key by a distribution UUID; our stores name it by group id).
 */
final class LibsignalStoreConnector implements SignalProtocolStore {

    private final SignalStores stores;
    private final IdentityTrustPolicy trustPolicy;
    private final List<IdentityChange> identityChanges = new ArrayList<>();
    private String currentGroupId;

    LibsignalStoreConnector(SignalStores stores, IdentityTrustPolicy trustPolicy) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.trustPolicy = Objects.requireNonNull(trustPolicy, "trustPolicy");
    }

    // ---- per-operation state ------------------------------------------------------------------------------

    /** Starts an operation: forgets identity changes of the previous one and sets the group in scope (or null). */
    void beginOperation(String groupId) {
        identityChanges.clear();
        currentGroupId = groupId;
    }

    /** The identity change recorded during the current operation, if any. */
    Optional<IdentityChange> identityChange() {
        return identityChanges.isEmpty() ? Optional.empty() : Optional.of(identityChanges.get(identityChanges.size() - 1));
    }

    /** The distribution id libsignal uses for a group's sender keys: a name-based UUID of the group id. */
    static UUID distributionId(String groupId) {
        return UUID.nameUUIDFromBytes(groupId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    // ---- conversions ---------------------------------------------------------------------------------------

    static SignalAddress toPort(SignalProtocolAddress address) {
        return new SignalAddress(address.getName(), address.getDeviceId());
    }

    static SignalProtocolAddress toLibsignal(SignalAddress address) {
        return new SignalProtocolAddress(address.name(), address.deviceId());
    }

    static byte[] rawKey(IdentityKey key) {
        return key.getPublicKey().getPublicKeyBytes();
    }

    private static <T> T corrupt(String what, Exception cause) {
        throw new StoreException("stored " + what + " cannot be parsed", cause);
    }

    // ---- IdentityKeyStore ----------------------------------------------------------------------------------

    @Override
    public IdentityKeyPair getIdentityKeyPair() {
        byte[] keyPair = stores.identities().loadOwnIdentity()
                .orElseThrow(() -> new StoreException("own identity missing"))
                .keyPair();
        return new IdentityKeyPair(keyPair);
    }

    @Override
    public int getLocalRegistrationId() {
        return stores.identities().loadOwnIdentity()
                .orElseThrow(() -> new StoreException("own identity missing"))
                .registrationId();
    }

    @Override
    public boolean saveIdentity(SignalProtocolAddress address, IdentityKey identityKey) {
        SignalAddress peer = toPort(address);
        byte[] newKey = rawKey(identityKey);
        Optional<byte[]> previous = stores.identities().loadPeerIdentity(peer);
        if (previous.isPresent() && Arrays.equals(previous.get(), newKey)) {
            return false;
        }
        stores.identities().savePeerIdentity(peer, newKey);
        previous.ifPresent(old -> identityChanges.add(new IdentityChange(peer, old, newKey)));
        return previous.isPresent();
    }

    @Override
    public boolean isTrustedIdentity(SignalProtocolAddress address, IdentityKey identityKey, Direction direction) {
        Optional<byte[]> stored = stores.identities().loadPeerIdentity(toPort(address));
        return stored.isEmpty()
                || Arrays.equals(stored.get(), rawKey(identityKey))
                || trustPolicy == IdentityTrustPolicy.ACCEPT_AND_REPORT;
    }

    @Override
    public IdentityKey getIdentity(SignalProtocolAddress address) {
        Optional<byte[]> stored = stores.identities().loadPeerIdentity(toPort(address));
        if (stored.isEmpty()) {
            return null;
        }
        try {
            return new IdentityKey(org.signal.libsignal.protocol.ecc.ECPublicKey.fromPublicKeyBytes(stored.get()));
        } catch (InvalidKeyException e) {
            return corrupt("peer identity", e);
        }
    }

    // ---- PreKeyStore ---------------------------------------------------------------------------------------

    @Override
    public PreKeyRecord loadPreKey(int preKeyId) throws InvalidKeyIdException {
        byte[] record = stores.preKeys().load(preKeyId)
                .orElseThrow(() -> new InvalidKeyIdException("no one-time prekey " + preKeyId));
        try {
            return new PreKeyRecord(record);
        } catch (InvalidMessageException e) {
            return corrupt("prekey", e);
        }
    }

    @Override
    public void storePreKey(int preKeyId, PreKeyRecord record) {
        stores.preKeys().store(preKeyId, record.serialize());
    }

    @Override
    public boolean containsPreKey(int preKeyId) {
        return stores.preKeys().contains(preKeyId);
    }

    @Override
    public void removePreKey(int preKeyId) {
        stores.preKeys().remove(preKeyId);
    }

    // ---- SignedPreKeyStore ---------------------------------------------------------------------------------

    @Override
    public SignedPreKeyRecord loadSignedPreKey(int signedPreKeyId) throws InvalidKeyIdException {
        byte[] record = stores.signedPreKeys().load(signedPreKeyId)
                .orElseThrow(() -> new InvalidKeyIdException("no signed prekey " + signedPreKeyId));
        return parseSigned(record);
    }

    @Override
    public List<SignedPreKeyRecord> loadSignedPreKeys() {
        return stores.signedPreKeys().loadAll().stream().map(k -> parseSigned(k.record())).toList();
    }

    private static SignedPreKeyRecord parseSigned(byte[] record) {
        try {
            return new SignedPreKeyRecord(record);
        } catch (InvalidMessageException e) {
            return corrupt("signed prekey", e);
        }
    }

    @Override
    public void storeSignedPreKey(int signedPreKeyId, SignedPreKeyRecord record) {
        stores.signedPreKeys().store(signedPreKeyId, record.serialize());
    }

    @Override
    public boolean containsSignedPreKey(int signedPreKeyId) {
        return stores.signedPreKeys().contains(signedPreKeyId);
    }

    @Override
    public void removeSignedPreKey(int signedPreKeyId) {
        stores.signedPreKeys().remove(signedPreKeyId);
    }

    // ---- KyberPreKeyStore ----------------------------------------------------------------------------------

    @Override
    public KyberPreKeyRecord loadKyberPreKey(int kyberPreKeyId) throws InvalidKeyIdException {
        byte[] record = stores.kyberPreKeys().load(kyberPreKeyId)
                .orElseThrow(() -> new InvalidKeyIdException("no Kyber prekey " + kyberPreKeyId));
        return parseKyber(record);
    }

    @Override
    public List<KyberPreKeyRecord> loadKyberPreKeys() {
        return stores.kyberPreKeys().loadAll().stream().map(StoredKey::record)
                .map(LibsignalStoreConnector::parseKyber).toList();
    }

    private static KyberPreKeyRecord parseKyber(byte[] record) {
        try {
            return new KyberPreKeyRecord(record);
        } catch (InvalidMessageException e) {
            return corrupt("Kyber prekey", e);
        }
    }

    /** libsignal's interface has no last-resort flag; keys stored through it are one-time keys. */
    @Override
    public void storeKyberPreKey(int kyberPreKeyId, KyberPreKeyRecord record) {
        stores.kyberPreKeys().store(kyberPreKeyId, record.serialize(), false);
    }

    @Override
    public boolean containsKyberPreKey(int kyberPreKeyId) {
        return stores.kyberPreKeys().contains(kyberPreKeyId);
    }

    @Override
    public void markKyberPreKeyUsed(int kyberPreKeyId) {
        stores.kyberPreKeys().markUsed(kyberPreKeyId);
    }

    // ---- SessionStore --------------------------------------------------------------------------------------

    /** Returns null when there is no session: libsignal treats that as "no session", not as an empty record. */
    @Override
    public SessionRecord loadSession(SignalProtocolAddress address) {
        return stores.sessions().load(toPort(address)).map(LibsignalStoreConnector::parseSession).orElse(null);
    }

    private static SessionRecord parseSession(byte[] record) {
        try {
            return new SessionRecord(record);
        } catch (InvalidMessageException e) {
            return corrupt("session", e);
        }
    }

    @Override
    public List<SessionRecord> loadExistingSessions(List<SignalProtocolAddress> addresses) throws NoSessionException {
        List<SessionRecord> records = new ArrayList<>(addresses.size());
        for (SignalProtocolAddress address : addresses) {
            byte[] record = stores.sessions().load(toPort(address))
                    .orElseThrow(() -> new NoSessionException(address, "no session"));
            records.add(parseSession(record));
        }
        return records;
    }

    /** All devices of {@code name} with a session (WhatsApp has no "primary device 1" to leave out). */
    @Override
    public List<Integer> getSubDeviceSessions(String name) {
        return stores.sessions().deviceIds(name);
    }

    @Override
    public void storeSession(SignalProtocolAddress address, SessionRecord record) {
        stores.sessions().store(toPort(address), record.serialize());
    }

    @Override
    public boolean containsSession(SignalProtocolAddress address) {
        return stores.sessions().contains(toPort(address));
    }

    @Override
    public void deleteSession(SignalProtocolAddress address) {
        stores.sessions().delete(toPort(address));
    }

    @Override
    public void deleteAllSessions(String name) {
        stores.sessions().deleteAll(name);
    }

    // ---- SenderKeyStore ------------------------------------------------------------------------------------

    @Override
    public void storeSenderKey(SignalProtocolAddress sender, UUID distributionId, SenderKeyRecord record) {
        stores.senderKeys().store(senderKeyName(sender, distributionId), record.serialize());
    }

    @Override
    public SenderKeyRecord loadSenderKey(SignalProtocolAddress sender, UUID distributionId) {
        if (currentGroupId == null || !distributionId(currentGroupId).equals(distributionId)) {
            return null; // a sender key of another group: for this group there is none
        }
        return stores.senderKeys().load(senderKeyName(sender, distributionId)).map(record -> {
            try {
                return new SenderKeyRecord(record);
            } catch (InvalidMessageException e) {
                return LibsignalStoreConnector.<SenderKeyRecord>corrupt("sender key", e);
            }
        }).orElse(null);
    }

    private SenderKeyName senderKeyName(SignalProtocolAddress sender, UUID distributionId) {
        if (currentGroupId == null || !distributionId(currentGroupId).equals(distributionId)) {
            throw new IllegalStateException("sender key access outside its group operation");
        }
        return new SenderKeyName(currentGroupId, toPort(sender));
    }
}
