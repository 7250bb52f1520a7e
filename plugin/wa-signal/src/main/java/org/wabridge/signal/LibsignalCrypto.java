/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.signal.libsignal.protocol.IdentityKey;
import org.signal.libsignal.protocol.SessionBuilder;
import org.signal.libsignal.protocol.SessionCipher;
import org.signal.libsignal.protocol.SignalProtocolAddress;
import org.signal.libsignal.protocol.ecc.ECPublicKey;
import org.signal.libsignal.protocol.kem.KEMPublicKey;
import org.signal.libsignal.protocol.message.CiphertextMessage;
import org.signal.libsignal.protocol.message.PreKeySignalMessage;
import org.signal.libsignal.protocol.message.SignalMessage;
import org.signal.libsignal.protocol.state.SessionRecord;
import org.wabridge.core.signal.CiphertextKind;
import org.wabridge.core.signal.DecryptedMessage;
import org.wabridge.core.signal.DuplicateMessageException;
import org.wabridge.core.signal.EncryptedMessage;
import org.wabridge.core.signal.IdentityKeyPair;
import org.wabridge.core.signal.InvalidKeyException;
import org.wabridge.core.signal.InvalidMessageException;
import org.wabridge.core.signal.KeyAgreement;
import org.wabridge.core.signal.KyberPreKey;
import org.wabridge.core.signal.LocalIdentity;
import org.wabridge.core.signal.NoSessionException;
import org.wabridge.core.signal.OneTimePreKey;
import org.wabridge.core.signal.PreKeyBundle;
import org.wabridge.core.signal.SessionEstablished;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalConfig;
import org.wabridge.core.signal.SignalCrypto;
import org.wabridge.core.signal.SignalException;
import org.wabridge.core.signal.SignedPreKey;
import org.wabridge.core.signal.SignedPreKeyInfo;
import org.wabridge.core.signal.UntrustedIdentityException;
import org.wabridge.core.store.SignalStores;

/**
 * {@link SignalCrypto} over libsignal-client for one account. Every operation runs through {@link OperationRunner}
 * (account lock + one unit of work), and converts to libsignal types only inside that scope.
 */
public final class LibsignalCrypto implements SignalCrypto {

    /** Session version libsignal gives PQXDH sessions; X3DH sessions are version 3. */
    private static final int PQXDH_SESSION_VERSION = 4;

    private final SignalAddress localAddress;
    private final SignalStores stores;
    private final Clock clock;
    private final LibsignalStoreConnector connector;
    private final OperationRunner runner;
    private final LibsignalPreKeys preKeys;
    private final LibsignalGroups groups;

    LibsignalCrypto(SignalAddress localAddress, SignalStores stores, SignalConfig config) {
        this.localAddress = Objects.requireNonNull(localAddress, "localAddress");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clock = config.clock();
        this.connector = new LibsignalStoreConnector(stores, config.trustPolicy());
        this.runner = new OperationRunner(stores.transactions(), connector);
        this.preKeys = new LibsignalPreKeys(stores, connector, clock);
        this.groups = new LibsignalGroups(connector, LibsignalStoreConnector.toLibsignal(localAddress));
    }

    @Override
    public SignalAddress localAddress() {
        return localAddress;
    }

    @Override
    public IdentityKeyPair generateIdentityKeyPair() {
        return LibsignalPreKeys.generateIdentityKeyPair();
    }

    @Override
    public int generateRegistrationId() {
        return LibsignalPreKeys.generateRegistrationId();
    }

    @Override
    public LocalIdentity localIdentity() {
        return runner.runUnchecked(preKeys::ensureLocalIdentity);
    }

    @Override
    public List<OneTimePreKey> generateOneTimePreKeys(int count) {
        return runner.runUnchecked(() -> preKeys.generateOneTimePreKeys(count));
    }

    @Override
    public int storedOneTimePreKeyCount() {
        return stores.preKeys().count();
    }

    @Override
    public SignedPreKey generateSignedPreKey() {
        return runner.runUnchecked(preKeys::generateSignedPreKey);
    }

    @Override
    public Optional<SignedPreKey> currentSignedPreKey() {
        return runner.runUnchecked(preKeys::currentSignedPreKey);
    }

    @Override
    public List<SignedPreKeyInfo> signedPreKeys() {
        return runner.runUnchecked(preKeys::signedPreKeys);
    }

    @Override
    public void deleteSignedPreKey(int id) {
        stores.signedPreKeys().remove(id);
    }

    @Override
    public KyberPreKey generateKyberPreKey(boolean lastResort) {
        return runner.runUnchecked(() -> preKeys.generateKyberPreKey(lastResort));
    }

    @Override
    public SessionEstablished buildSession(SignalAddress address, PreKeyBundle bundle)
            throws UntrustedIdentityException, InvalidKeyException {
        Objects.requireNonNull(bundle, "bundle");
        SignalProtocolAddress peer = LibsignalStoreConnector.toLibsignal(address);
        try {
            return runner.run(null, () -> {
                preKeys.ensureLocalIdentity();
                new SessionBuilder(connector, peer).process(toLibsignal(bundle), clock.instant());
                SessionRecord session = connector.loadSession(peer);
                KeyAgreement agreement = session.getSessionVersion() >= PQXDH_SESSION_VERSION
                        ? KeyAgreement.PQXDH : KeyAgreement.X3DH;
                return new SessionEstablished(address, agreement, connector.identityChange());
            });
        } catch (Exception e) {
            SignalException mapped = LibsignalErrors.map(address, "build session", e);
            if (mapped instanceof UntrustedIdentityException untrusted) {
                throw untrusted;
            }
            if (mapped instanceof InvalidKeyException invalid) {
                throw invalid;
            }
            throw new InvalidKeyException(address, "build session: bundle rejected", mapped);
        }
    }

    private static org.signal.libsignal.protocol.state.PreKeyBundle toLibsignal(PreKeyBundle bundle)
            throws org.signal.libsignal.protocol.InvalidKeyException {
        int preKeyId = bundle.oneTimePreKey().map(OneTimePreKey::id)
                .orElse(org.signal.libsignal.protocol.state.PreKeyBundle.NULL_PRE_KEY_ID);
        ECPublicKey preKey = bundle.oneTimePreKey().isPresent()
                ? ECPublicKey.fromPublicKeyBytes(bundle.oneTimePreKey().get().publicKey()) : null;
        SignedPreKey signed = bundle.signedPreKey();
        ECPublicKey signedKey = ECPublicKey.fromPublicKeyBytes(signed.publicKey());
        IdentityKey identity = new IdentityKey(ECPublicKey.fromPublicKeyBytes(bundle.identityKey()));
        if (bundle.kyberPreKey().isEmpty()) {
            return new org.signal.libsignal.protocol.state.PreKeyBundle(bundle.registrationId(), bundle.deviceId(),
                    preKeyId, preKey, signed.id(), signedKey, signed.signature(), identity);
        }
        KyberPreKey kyber = bundle.kyberPreKey().get();
        return new org.signal.libsignal.protocol.state.PreKeyBundle(bundle.registrationId(), bundle.deviceId(),
                preKeyId, preKey, signed.id(), signedKey, signed.signature(), identity,
                kyber.id(), new KEMPublicKey(kyber.publicKey()), kyber.signature());
    }

    @Override
    public boolean hasSession(SignalAddress address) {
        return stores.sessions().contains(Objects.requireNonNull(address, "address"));
    }

    @Override
    public void deleteSession(SignalAddress address) {
        stores.sessions().delete(Objects.requireNonNull(address, "address"));
    }

    @Override
    public EncryptedMessage encrypt(SignalAddress address, byte[] plaintext)
            throws NoSessionException, UntrustedIdentityException {
        Objects.requireNonNull(plaintext, "plaintext");
        SignalProtocolAddress peer = LibsignalStoreConnector.toLibsignal(address);
        try {
            return runner.run(null, () -> {
                if (!stores.sessions().contains(address)) {
                    throw new NoSessionException(address, "encrypt: no session, build one from a bundle first");
                }
                CiphertextMessage message = new SessionCipher(connector, peer).encrypt(plaintext, clock.instant());
                CiphertextKind kind = message.getType() == CiphertextMessage.PREKEY_TYPE
                        ? CiphertextKind.PKMSG : CiphertextKind.MSG;
                return new EncryptedMessage(kind, message.serialize());
            });
        } catch (Exception e) {
            SignalException mapped = LibsignalErrors.map(address, "encrypt", e);
            if (mapped instanceof NoSessionException noSession) {
                throw noSession;
            }
            if (mapped instanceof UntrustedIdentityException untrusted) {
                throw untrusted;
            }
            throw LibsignalErrors.unexpected("encrypt", mapped);
        }
    }

    @Override
    public DecryptedMessage decrypt(SignalAddress address, CiphertextKind kind, byte[] ciphertext)
            throws SignalException {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (kind == CiphertextKind.SKMSG) {
            throw new IllegalArgumentException("skmsg is decrypted with groupDecrypt");
        }
        SignalProtocolAddress peer = LibsignalStoreConnector.toLibsignal(address);
        try {
            return runner.run(null, () -> {
                preKeys.ensureLocalIdentity();
                SessionCipher cipher = new SessionCipher(connector, peer);
                byte[] plaintext;
                if (kind == CiphertextKind.PKMSG) {
                    plaintext = cipher.decrypt(new PreKeySignalMessage(ciphertext));
                } else {
                    if (!stores.sessions().contains(address)) {
                        throw new NoSessionException(address, "decrypt msg: no session");
                    }
                    plaintext = cipher.decrypt(new SignalMessage(ciphertext));
                }
                return new DecryptedMessage(plaintext, kind, connector.identityChange());
            });
        } catch (Exception e) {
            throw LibsignalErrors.map(address, "decrypt " + kind.wireName(), e);
        }
    }

    @Override
    public Optional<byte[]> peerIdentity(SignalAddress address) {
        return stores.identities().loadPeerIdentity(Objects.requireNonNull(address, "address"));
    }

    @Override
    public void trustIdentity(SignalAddress address, byte[] identityKey) throws InvalidKeyException {
        Objects.requireNonNull(address, "address");
        try {
            ECPublicKey.fromPublicKeyBytes(identityKey);
        } catch (org.signal.libsignal.protocol.InvalidKeyException | RuntimeException e) {
            throw new InvalidKeyException(address, "trust identity: not a Curve25519 public key", e);
        }
        stores.identities().savePeerIdentity(address, identityKey);
    }

    @Override
    public byte[] createSenderKeyDistribution(String groupId) {
        Objects.requireNonNull(groupId, "groupId");
        try {
            return runner.run(groupId, () -> groups.createDistribution(groupId));
        } catch (Exception e) {
            throw LibsignalErrors.unexpected("create sender key", LibsignalErrors.map(localAddress, "create sender key", e));
        }
    }

    @Override
    public void processSenderKeyDistribution(String groupId, SignalAddress sender, byte[] distributionMessage)
            throws InvalidMessageException {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(distributionMessage, "distributionMessage");
        try {
            runner.run(groupId, () -> {
                groups.processDistribution(groupId, LibsignalStoreConnector.toLibsignal(sender), distributionMessage);
                return null;
            });
        } catch (Exception e) {
            SignalException mapped = LibsignalErrors.map(sender, "process sender key distribution", e);
            if (mapped instanceof InvalidMessageException invalid) {
                throw invalid;
            }
            throw new InvalidMessageException(sender, "process sender key distribution: rejected", mapped);
        }
    }

    @Override
    public EncryptedMessage groupEncrypt(String groupId, byte[] plaintext) throws NoSessionException {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(plaintext, "plaintext");
        try {
            return runner.run(groupId, () -> new EncryptedMessage(CiphertextKind.SKMSG, groups.encrypt(groupId, plaintext)));
        } catch (Exception e) {
            SignalException mapped = LibsignalErrors.map(localAddress, "group encrypt", e);
            if (mapped instanceof NoSessionException noSession) {
                throw noSession;
            }
            throw LibsignalErrors.unexpected("group encrypt", mapped);
        }
    }

    @Override
    public DecryptedMessage groupDecrypt(String groupId, SignalAddress sender, byte[] ciphertext)
            throws NoSessionException, DuplicateMessageException, InvalidMessageException {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(ciphertext, "ciphertext");
        try {
            return runner.run(groupId, () -> new DecryptedMessage(
                    groups.decrypt(LibsignalStoreConnector.toLibsignal(sender), ciphertext),
                    CiphertextKind.SKMSG, Optional.empty()));
        } catch (Exception e) {
            SignalException mapped = LibsignalErrors.map(sender, "group decrypt", e);
            if (mapped instanceof NoSessionException noSession) {
                throw noSession;
            }
            if (mapped instanceof DuplicateMessageException duplicate) {
                throw duplicate;
            }
            if (mapped instanceof InvalidMessageException invalid) {
                throw invalid;
            }
            throw new InvalidMessageException(sender, "group decrypt: rejected", mapped);
        }
    }
}
