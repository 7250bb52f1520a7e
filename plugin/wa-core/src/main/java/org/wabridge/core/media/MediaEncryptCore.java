/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encrypting state shared by the push and pull encrypt streams: AES-256-CBC/PKCS#7, the HMAC over
 * IV || ciphertext, and both SHA-256 digests, all updated incrementally so memory does not depend on size.
 */
final class MediaEncryptCore {
    /** Plaintext bytes handled per step; caller buffers are sized from it. */
    static final int CHUNK = 32 * 1024;
    static final int MAC_LENGTH = 10;
    /** Room {@link #update} may need beyond its input (one block held back by CBC). */
    static final int UPDATE_SLACK = 16;
    /** Room {@link #finish} needs: the last padded block plus the MAC. */
    static final int FINISH_ROOM = 16 + MAC_LENGTH;

    private final Cipher cipher;
    private final Mac mac;
    private final MessageDigest plainDigest;
    private final MessageDigest encDigest;
    private long plainLength;
    private long encLength;
    private MediaDigests digests;

    MediaEncryptCore(MediaKeys keys) {
        try {
            cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.cipherKeyView(), "AES"),
                    new IvParameterSpec(keys.ivView()));
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.macKeyView(), "HmacSHA256"));
            mac.update(keys.ivView());
            plainDigest = MessageDigest.getInstance("SHA-256");
            encDigest = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC, HmacSHA256 and SHA-256 are required of every Java runtime", e);
        }
    }

    /** Encrypts {@code len} (at most {@link #CHUNK}) bytes into {@code out[0..)}; returns ciphertext bytes written. */
    int update(byte[] in, int off, int len, byte[] out) {
        if (digests != null) {
            throw new IllegalStateException("encryption already finished");
        }
        plainDigest.update(in, off, len);
        plainLength += len;
        int n;
        try {
            n = cipher.update(in, off, len, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("output buffer too small for " + len + " bytes", e);
        }
        mac.update(out, 0, n);
        encDigest.update(out, 0, n);
        encLength += n;
        return n;
    }

    /** Writes the final block and the 10-byte MAC into {@code out[0..)}; returns bytes written. */
    int finish(byte[] out) {
        if (digests != null) {
            throw new IllegalStateException("encryption already finished");
        }
        int n;
        try {
            n = cipher.doFinal(out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC encryption cannot fail at the end", e);
        }
        mac.update(out, 0, n);
        byte[] fullMac = mac.doFinal();
        System.arraycopy(fullMac, 0, out, n, MAC_LENGTH);
        encDigest.update(out, 0, n + MAC_LENGTH);
        encLength += n + MAC_LENGTH;
        digests = new MediaDigests(plainDigest.digest(), encDigest.digest(), plainLength, encLength);
        return n + MAC_LENGTH;
    }

    /** The digests, once {@link #finish} ran. */
    MediaDigests digests() {
        if (digests == null) {
            throw new IllegalStateException("encryption not finished yet");
        }
        return digests;
    }
}
