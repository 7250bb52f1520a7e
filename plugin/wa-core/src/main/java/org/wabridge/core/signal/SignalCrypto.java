/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.List;
import java.util.Optional;

/**
 * The bridge's Signal protocol port for ONE local account (one bridged user's WhatsApp device). Instances are
 * created by {@link SignalCryptoFactory} over that account's stores.
 *
 * <p><b>I/O.</b> Methods marked "store I/O" read and write the account's stores synchronously on the calling
 * thread (with JDBC stores that is database I/O: call them from a worker thread, never from a network event
 * loop). Every state-changing operation runs as one unit of work of the stores' transaction boundary: either all
 * of its writes (session, identity, consumed prekey) are committed or none are, so a failure mid-way leaves the
 * previous session intact and the same ciphertext can be decrypted again. Pure methods do no I/O.
 *
 * <p><b>Threading.</b> Implementations are thread-safe; operations on one instance are serialized internally,
 * so callers need no lock of their own. Long-running work is limited to a few Curve25519/Kyber operations.
 *
 * <p><b>Errors.</b> Protocol failures are the typed subclasses of {@link SignalException}; a store failure is an
 * unchecked {@code org.wabridge.core.store.StoreException} after which no change has been committed.
 */
public interface SignalCrypto {

    /** The local device's own address (used as the sender of this account's sender keys). Pure. */
    SignalAddress localAddress();

    /** Generates a fresh Curve25519 identity key pair. Pure (uses the secure RNG), nothing is stored. */
    IdentityKeyPair generateIdentityKeyPair();

    /** Generates a random registration id in the range WhatsApp clients use (1..16380). Pure. */
    int generateRegistrationId();

    /**
     * Returns this account's identity, generating and storing an identity key pair and registration id on first
     * use. Store I/O; idempotent.
     */
    LocalIdentity localIdentity();

    /**
     * Generates {@code count} one-time prekeys with ids fresh from the store's never-reuse allocator, stores
     * their private parts and returns the public parts for upload (whatsapp-protocol.md §5.3). Store I/O.
     *
     * @throws IllegalArgumentException if {@code count} is not positive
     */
    List<OneTimePreKey> generateOneTimePreKeys(int count);

    /** Number of one-time prekeys stored locally and not yet consumed by an incoming pkmsg. Store I/O. */
    int storedOneTimePreKeyCount();

    /**
     * Generates a signed prekey, XEdDSA-signed by the identity key over {@code 0x05 || publicKey}
     * (whatsapp-protocol.md §5.3), stores it and makes it the current one. Creates the local identity if needed.
     * Store I/O.
     */
    SignedPreKey generateSignedPreKey();

    /** The newest stored signed prekey, the one to upload and to put in bundles. Store I/O. */
    Optional<SignedPreKey> currentSignedPreKey();

    /** All stored signed prekeys with their creation time, oldest first, for {@link PreKeyPolicy}. Store I/O. */
    List<SignedPreKeyInfo> signedPreKeys();

    /** Deletes a superseded signed prekey (as decided by {@link PreKeyPolicy}). Store I/O; no-op if absent. */
    void deleteSignedPreKey(int id);

    /**
     * Generates and stores a Kyber-1024 prekey signed by the identity key. A last-resort key survives use; a
     * one-time key is deleted when a pkmsg consumes it. Store I/O.
     */
    KyberPreKey generateKyberPreKey(boolean lastResort);

    /**
     * Builds an outgoing session with {@code address} from its bundle: PQXDH when the bundle has a Kyber prekey,
     * X3DH otherwise. The first messages encrypted afterwards are {@link CiphertextKind#PKMSG}. Store I/O, one
     * unit of work.
     *
     * @throws UntrustedIdentityException the bundle's identity differs from the stored one and the trust policy
     *                                    rejects changes
     * @throws InvalidKeyException        a key in the bundle is malformed or a signature does not verify
     */
    SessionEstablished buildSession(SignalAddress address, PreKeyBundle bundle)
            throws UntrustedIdentityException, InvalidKeyException;

    /** Whether a session with {@code address} exists. Store I/O. */
    boolean hasSession(SignalAddress address);

    /** Deletes the session with {@code address} (e.g. the device was removed). Store I/O; no-op if absent. */
    void deleteSession(SignalAddress address);

    /**
     * Encrypts one (already padded) plaintext for {@code address}. Store I/O, one unit of work (the ratchet state
     * advances).
     *
     * @return {@link CiphertextKind#PKMSG} until the peer has answered, then {@link CiphertextKind#MSG}
     * @throws NoSessionException         no session exists: build one from a bundle first
     * @throws UntrustedIdentityException the session's identity is no longer trusted
     */
    EncryptedMessage encrypt(SignalAddress address, byte[] plaintext)
            throws NoSessionException, UntrustedIdentityException;

    /**
     * Decrypts a {@code pkmsg} or {@code msg} from {@code address}. Store I/O, one unit of work: the new session
     * state, the peer identity and the consumed one-time prekey are committed together, or not at all.
     *
     * @throws DuplicateMessageException  the message was already decrypted; nothing changed
     * @throws InvalidMessageException    malformed, bad MAC or wrong version; nothing changed
     * @throws NoSessionException         a {@code msg} arrived without a session
     * @throws InvalidKeyException        a {@code pkmsg} refers to a prekey that no longer exists, or a bad key
     * @throws UntrustedIdentityException a {@code pkmsg} carries a changed identity and the policy rejects it
     * @throws IllegalArgumentException   {@code kind} is {@link CiphertextKind#SKMSG} (use {@link #groupDecrypt})
     */
    DecryptedMessage decrypt(SignalAddress address, CiphertextKind kind, byte[] ciphertext) throws SignalException;

    /** The identity key stored for a peer device (raw 32 bytes), if any. Store I/O. */
    Optional<byte[]> peerIdentity(SignalAddress address);

    /**
     * Stores {@code identityKey} (raw 32 bytes) as the trusted identity of {@code address}, e.g. after the user
     * accepted a changed key under {@link IdentityTrustPolicy#REJECT_CHANGES}. Store I/O.
     *
     * @throws InvalidKeyException the key is not a valid Curve25519 public key
     */
    void trustIdentity(SignalAddress address, byte[] identityKey) throws InvalidKeyException;

    /**
     * Returns this account's sender-key distribution message for {@code groupId}, creating the sender key on
     * first use. It is sent to each member inside a pairwise message (whatsapp-protocol.md §6.6). Store I/O.
     */
    byte[] createSenderKeyDistribution(String groupId);

    /**
     * Stores the sender key that {@code sender} distributed for {@code groupId}. Store I/O.
     *
     * @throws InvalidMessageException the distribution message is malformed
     */
    void processSenderKeyDistribution(String groupId, SignalAddress sender, byte[] distributionMessage)
            throws InvalidMessageException;

    /**
     * Encrypts a group message with this account's sender key for {@code groupId} ({@link CiphertextKind#SKMSG}).
     * Store I/O, one unit of work.
     *
     * @throws NoSessionException no sender key yet: call {@link #createSenderKeyDistribution} first
     */
    EncryptedMessage groupEncrypt(String groupId, byte[] plaintext) throws NoSessionException;

    /**
     * Decrypts an {@code skmsg} that {@code sender} sent to {@code groupId}. Store I/O, one unit of work.
     *
     * @throws NoSessionException        no sender key from that sender for that group
     * @throws DuplicateMessageException the message was already decrypted; nothing changed
     * @throws InvalidMessageException   malformed or bad signature; nothing changed
     */
    DecryptedMessage groupDecrypt(String groupId, SignalAddress sender, byte[] ciphertext)
            throws NoSessionException, DuplicateMessageException, InvalidMessageException;
}
