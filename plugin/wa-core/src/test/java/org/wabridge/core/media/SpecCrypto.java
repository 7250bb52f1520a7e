/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test's own, independent rendering of whatsapp-protocol.md §7.1 with plain JDK primitives: HKDF written
 * here from RFC 5869 §2.2–2.3, one-shot AES-256-CBC, one-shot HMAC-SHA256. Nothing from the code under test.
 */
final class SpecCrypto {
    private SpecCrypto() {
    }

    /** RFC 5869: PRK = HMAC(salt or 32 zero bytes, IKM); T(i) = HMAC(PRK, T(i-1) || info || i). */
    static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info, int length) throws GeneralSecurityException {
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
        byte[] prk = extract.doFinal(ikm);
        ByteArrayOutputStream okm = new ByteArrayOutputStream();
        byte[] t = new byte[0];
        for (int i = 1; okm.size() < length; i++) {
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(prk, "HmacSHA256"));
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            input.writeBytes(t);
            input.writeBytes(info);
            input.write(i);
            t = expand.doFinal(input.toByteArray());
            okm.writeBytes(t);
        }
        return Arrays.copyOf(okm.toByteArray(), length);
    }

    /** The 112 expanded bytes for a media key and info string (§7.1: no salt, L = 112). */
    static byte[] expand(byte[] mediaKey, String info) throws GeneralSecurityException {
        return hkdf(mediaKey, new byte[0], info.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 112);
    }

    /** The upload blob: AES-256-CBC/PKCS#7(plaintext) || first 10 bytes of HMAC-SHA256(macKey, iv || ct). */
    static byte[] blob(byte[] mediaKey, String info, byte[] plaintext) throws GeneralSecurityException {
        byte[] okm = expand(mediaKey, info);
        byte[] iv = Arrays.copyOfRange(okm, 0, 16);
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(okm, 16, 48), "AES"), new IvParameterSpec(iv));
        byte[] ct = aes.doFinal(plaintext);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(Arrays.copyOfRange(okm, 48, 80), "HmacSHA256"));
        hmac.update(iv);
        byte[] mac = hmac.doFinal(ct);
        byte[] blob = Arrays.copyOf(ct, ct.length + 10);
        System.arraycopy(mac, 0, blob, ct.length, 10);
        return blob;
    }

    static byte[] sha256(byte[] data) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
