/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction of the post-handshake transport: AES-256-GCM with empty AAD and a counter nonce that
 * advances once per frame (whatsapp-protocol.md §2.5 step 5). A failed decryption poisons the cipher, as in
 * whatsmeow: the counters of both peers are then out of step and the connection must be closed.
 * Not thread-safe; the owner serialises calls (one writer thread, one reader thread per direction).
 */
public final class TransportCipher {
    /** The nonce carries a 32-bit counter; refuse to wrap rather than reuse a nonce. */
    private static final long MAX_COUNTER = 0xFFFF_FFFFL;

    private final SecretKeySpec key;
    private final Cipher aead = NoisePrimitives.newAesGcm();
    private long counter;
    private boolean poisoned;

    TransportCipher(byte[] key) {
        if (key.length != NoisePrimitives.KEY_SIZE) {
            throw new IllegalArgumentException("transport key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public byte[] encrypt(byte[] plaintext) throws CorruptFrameException {
        checkUsable();
        return NoisePrimitives.seal(aead, key, counter++, null, plaintext);
    }

    /** Decrypts the next frame; any failure poisons this cipher and every later call fails too. */
    public byte[] decrypt(byte[] ciphertext) throws CorruptFrameException {
        checkUsable();
        long frameCounter = counter++;
        try {
            return NoisePrimitives.open(aead, key, frameCounter, null, ciphertext);
        } catch (AEADBadTagException e) {
            poisoned = true;
            throw new CorruptFrameException("transport frame #" + frameCounter + " failed authentication ("
                    + ciphertext.length + " bytes)", e);
        }
    }

    public long counter() {
        return counter;
    }

    public boolean isPoisoned() {
        return poisoned;
    }

    private void checkUsable() throws CorruptFrameException {
        if (poisoned) {
            throw new CorruptFrameException("cipher is unusable after an earlier corrupt frame", null);
        }
        if (counter > MAX_COUNTER) {
            poisoned = true;
            throw new CorruptFrameException("nonce counter exhausted; reconnect", null);
        }
    }

    @Override
    public String toString() {
        return "TransportCipher[counter=" + counter + (poisoned ? ", poisoned" : "") + "]";
    }
}
