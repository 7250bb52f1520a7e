/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869): the one implementation behind the Noise key schedule and the media keys. */
public final class HkdfSha256 {
    private static final int HASH_LEN = 32;

    private HkdfSha256() {
    }

    /** Derives {@code length} bytes; a null or empty salt means HashLen zero bytes (RFC 5869 §2.2). */
    public static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        if (length < 0 || length > 255 * HASH_LEN) {
            throw new IllegalArgumentException("HKDF output length out of range: " + length);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] effectiveSalt = salt == null || salt.length == 0 ? new byte[HASH_LEN] : salt;
            mac.init(new SecretKeySpec(effectiveSalt, "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            int written = 0;
            for (int counter = 1; written < length; counter++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) counter);
                block = mac.doFinal();
                int n = Math.min(HASH_LEN, length - written);
                System.arraycopy(block, 0, out, written, n);
                written += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
