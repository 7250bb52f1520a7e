/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.wabridge.core.crypto.HkdfSha256;

/**
 * SHA-256, HKDF-SHA256 and AES-256-GCM as the WhatsApp Noise suite uses them (whatsapp-protocol.md §2.4).
 * These come from the JDK rather than noise-java: the JDK's AES-GCM and SHA-256 use CPU intrinsics
 * (AES-NI, CLMUL, SHA extensions) while noise-java's AES-GCM fallback computes GHASH in Java.
 */
final class NoisePrimitives {
    static final int KEY_SIZE = 32;
    static final int TAG_SIZE = 16;
    static final int NONCE_SIZE = 12;

    private NoisePrimitives() {
    }

    static byte[] sha256(byte[] a, byte[] b) {
        MessageDigest digest = newSha256();
        digest.update(a);
        digest.update(b);
        return digest.digest();
    }

    /** HKDF-SHA256 (RFC 5869) with empty info; returns exactly 64 bytes, the two Noise outputs. */
    static byte[] hkdf64(byte[] salt, byte[] ikm) {
        return HkdfSha256.derive(ikm, salt, new byte[0], 64);
    }

    /** The 12-byte nonce: 8 zero bytes, then the counter as a big-endian uint32 (§2.4). */
    static byte[] nonce(long counter) {
        byte[] iv = new byte[NONCE_SIZE];
        iv[8] = (byte) (counter >>> 24);
        iv[9] = (byte) (counter >>> 16);
        iv[10] = (byte) (counter >>> 8);
        iv[11] = (byte) counter;
        return iv;
    }

    static Cipher newAesGcm() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    }

    static byte[] seal(Cipher cipher, SecretKeySpec key, long counter, byte[] aad, byte[] plaintext) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_SIZE * 8, nonce(counter)));
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts and authenticates; {@link AEADBadTagException} means the frame was not made with this key and nonce. */
    static byte[] open(Cipher cipher, SecretKeySpec key, long counter, byte[] aad, byte[] ciphertext)
            throws AEADBadTagException {
        if (ciphertext.length < TAG_SIZE) {
            throw new AEADBadTagException("ciphertext shorter than the 16-byte tag: " + ciphertext.length);
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_SIZE * 8, nonce(counter)));
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
