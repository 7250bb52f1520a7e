/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Noise symmetric state of WhatsApp's Noise_XX_25519_AESGCM_SHA256 (whatsapp-protocol.md §2.4): it
 * holds only the handshake hash {@code h}, the chaining key {@code ck}, the cipher key and its counter.
 * Role-neutral and free of I/O; {@link NoiseInitiator} and {@link NoiseResponder} drive it through XX.
 *
 * <p>The WhatsApp quirk: while no cipher key exists, an <em>empty</em> payload is not mixed into {@code h}
 * (standard Noise would hash it). Not thread-safe; one instance per connection attempt.
 */
public final class NoiseHandshake {
    /** "Noise_XX_25519_AESGCM_SHA256" is 28 bytes, so it is padded with NULs to 32 and used as-is. */
    static final byte[] PROTOCOL_NAME = Arrays.copyOf(
            "Noise_XX_25519_AESGCM_SHA256".getBytes(StandardCharsets.US_ASCII), 32);

    private byte[] h;
    private byte[] ck;
    private SecretKeySpec key;
    private long counter;
    private final Cipher aead = NoisePrimitives.newAesGcm();
    private final X25519Engine engine;

    private NoiseHandshake(byte[] prologue, X25519Engine engine) {
        this.engine = engine;
        h = PROTOCOL_NAME.clone();
        ck = PROTOCOL_NAME.clone();
        mixHash(prologue);
    }

    /** Starts a handshake with the 4-byte {@code WA} header as prologue (not the ED routing prefix). */
    public static NoiseHandshake start(byte[] prologue) {
        return start(prologue, X25519.NOISE_JAVA);
    }

    /** As {@link #start(byte[])}, computing DH with {@code engine}. */
    public static NoiseHandshake start(byte[] prologue, X25519Engine engine) {
        return new NoiseHandshake(prologue.clone(), java.util.Objects.requireNonNull(engine, "engine"));
    }

    public void mixHash(byte[] data) {
        h = NoisePrimitives.sha256(h, data);
    }

    /** HKDF(salt = ck, ikm) → new ck (bytes 0–31) and new cipher key (32–63); the counter restarts at 0. */
    public void mixKey(byte[] inputKeyMaterial) {
        byte[] out = NoisePrimitives.hkdf64(ck, inputKeyMaterial);
        ck = Arrays.copyOfRange(out, 0, 32);
        key = new SecretKeySpec(out, 32, 32, "AES");
        counter = 0;
        Arrays.fill(out, (byte) 0);
    }

    /** MixKey(DH(own, peer)). */
    public void mixDh(X25519KeyPair own, byte[] peerPublic) throws X25519.WeakKeyException {
        byte[] shared = X25519.agree(own, peerPublic, engine);
        mixKey(shared);
        Arrays.fill(shared, (byte) 0);
    }

    public boolean hasKey() {
        return key != null;
    }

    /**
     * EncryptAndHash with AAD = h. Without a key the plaintext passes through; an empty one is then not
     * hashed (the WhatsApp quirk), a non-empty one is hashed as in standard Noise.
     */
    public byte[] encryptAndHash(byte[] plaintext) {
        if (key == null) {
            if (plaintext.length > 0) {
                mixHash(plaintext);
            }
            return plaintext.clone();
        }
        byte[] ciphertext = NoisePrimitives.seal(aead, key, counter++, h, plaintext);
        mixHash(ciphertext);
        return ciphertext;
    }

    /** DecryptAndHash with AAD = h; the same quirk as {@link #encryptAndHash} applies without a key. */
    public byte[] decryptAndHash(byte[] ciphertext) throws AEADBadTagException {
        if (key == null) {
            if (ciphertext.length > 0) {
                mixHash(ciphertext);
            }
            return ciphertext.clone();
        }
        byte[] plaintext = NoisePrimitives.open(aead, key, counter, h, ciphertext);
        counter++;
        mixHash(ciphertext);
        return plaintext;
    }

    /**
     * Split: HKDF(salt = ck, empty) → 64 bytes; the initiator (client) writes with bytes 0–31 and reads
     * with 32–63, the responder the other way round (§2.5 step 4). The handshake is unusable afterwards.
     */
    public CipherPair split(boolean initiator) {
        byte[] out = NoisePrimitives.hkdf64(ck, new byte[0]);
        byte[] first = Arrays.copyOfRange(out, 0, 32);
        byte[] second = Arrays.copyOfRange(out, 32, 64);
        Arrays.fill(out, (byte) 0);
        TransportCipher clientWrite = new TransportCipher(first);
        TransportCipher serverWrite = new TransportCipher(second);
        Arrays.fill(first, (byte) 0);
        Arrays.fill(second, (byte) 0);
        key = null;
        Arrays.fill(ck, (byte) 0);
        return initiator ? new CipherPair(clientWrite, serverWrite) : new CipherPair(serverWrite, clientWrite);
    }

    /** The current handshake hash (a copy), e.g. for channel binding or test vectors. */
    public byte[] handshakeHash() {
        return h.clone();
    }

    /** The current chaining key (a copy); exposed for test vectors only. */
    byte[] chainingKey() {
        return ck.clone();
    }
}
