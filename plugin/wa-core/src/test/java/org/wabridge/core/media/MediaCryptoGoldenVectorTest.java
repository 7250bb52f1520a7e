/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wabridge.core.crypto.HkdfSha256;

/**
 * Golden vectors for whatsapp-protocol.md §7.1. The literal hex values were produced outside this project with
 * the OpenSSL 3 command line, a different implementation:
 * <pre>
 *   openssl kdf -keylen 112 -kdfopt digest:SHA256 -kdfopt hexkey:000102…1f -kdfopt "info:WhatsApp Image Keys" HKDF
 *   openssl enc -aes-256-cbc -K &lt;cipherKey&gt; -iv &lt;iv&gt; -in plaintext
 *   (iv || ct) | openssl dgst -sha256 -mac HMAC -macopt hexkey:&lt;macKey&gt;      (first 10 bytes kept)
 *   sha256sum of the plaintext and of ct || mac10
 * </pre>
 * The other tests compare against {@link SpecCrypto}, the test's own RFC 5869 HKDF + JDK AES/HMAC.
 */
class MediaCryptoGoldenVectorTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] MEDIA_KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] PLAINTEXT = "Hello, WhatsApp media!".getBytes(StandardCharsets.US_ASCII);

    record Vector(MediaType type, String iv, String cipherKey, String macKey, String refKey, String ciphertext,
            String mac10, String fileSha256, String fileEncSha256) {
    }

    private static final Vector IMAGE = new Vector(MediaType.IMAGE,
            "aa6a127218397cbd2383e4ccf7176a79",
            "008c9aea9b7c5d81eb56b3f530f87d42dcc92d27b11ad6b5bd66f0560d0d8c46",
            "91d09ffec108833c1699574c52657923fb6e3e161d9698bc6b3a05fbc508a515",
            "4d4981725e9eb39838fcff2130508f1360cbb319f99cef163d57ab7c050a667e",
            "2c56a9beea1e92c84fa772556c3446dcc0e2445b4f5e01398b2100b403273979",
            "71644e19f92a76c6e65e",
            "7d65a04fcdd9650755137d4c7209553e4db3b4eeea81814e46fb1ced8c4909ea",
            "fd17ed701ff70592d36969e7741816147945061dbd75a1ebda6b0402ee23661f");

    private static final Vector DOCUMENT = new Vector(MediaType.DOCUMENT,
            "25e9d370804de0bb33ea5db79453db66",
            "b75c2bed8e162ad63dd02b6b9fbda46b8ad2692e99ed0f877d0ab48a86fff790",
            "94a393dafdca1265c99e197425de98f15f7d87d34714ea901f7eefc29c99e5ac",
            "f826177ac4aaf590f67e927133b8a7f102a9fa5c2a88d62587699f581b2e9b76",
            "7c7e5b8e19db41ec282ef83ffa80fa6ff16459f07650b04c89851c289ef61f08",
            "158f920665e650087c90",
            "7d65a04fcdd9650755137d4c7209553e4db3b4eeea81814e46fb1ced8c4909ea",
            "7d279862539d794d262298f184e3c0c160fbbb503eb30910317f345a6918cc6b");

    @Test
    void imageVector() throws Exception {
        check(IMAGE);
    }

    @Test
    void documentVector() throws Exception {
        check(DOCUMENT);
    }

    @Test
    void stickerUsesTheImageVector() throws Exception {
        // Given a sticker: §7.1 says stickers use the image keys
        MediaKeys keys = MediaKeys.derive(MEDIA_KEY, MediaType.STICKER);
        // Then its IV and blob are the image vector's
        assertEquals(IMAGE.iv(), HEX.formatHex(keys.iv()));
        assertEquals(IMAGE.ciphertext() + IMAGE.mac10(), HEX.formatHex(MediaEncryptor.encrypt(PLAINTEXT, keys).blob()));
    }

    private static void check(Vector v) throws Exception {
        // Given the fixed media key
        MediaKeys keys = MediaKeys.derive(MEDIA_KEY, v.type());
        // Then the derived keys are OpenSSL's HKDF output split at 16/48/80
        assertEquals(v.iv(), HEX.formatHex(keys.iv()));
        assertEquals(v.cipherKey(), HEX.formatHex(keys.cipherKey()));
        assertEquals(v.macKey(), HEX.formatHex(keys.macKey()));
        assertEquals(v.refKey(), HEX.formatHex(keys.refKey()));
        // When the plaintext is encrypted
        MediaEncryptor.EncryptedBlob enc = MediaEncryptor.encrypt(PLAINTEXT, keys);
        // Then blob, hashes and lengths match the vector
        assertEquals(v.ciphertext() + v.mac10(), HEX.formatHex(enc.blob()));
        assertEquals(v.fileSha256(), HEX.formatHex(enc.digests().fileSha256()));
        assertEquals(v.fileEncSha256(), HEX.formatHex(enc.digests().fileEncSha256()));
        assertEquals(PLAINTEXT.length, enc.digests().fileLength());
        assertEquals(32 + 10, enc.digests().encryptedLength());
        // And verified decryption of the literal blob gives the plaintext back
        byte[] blob = HEX.parseHex(v.ciphertext() + v.mac10());
        assertArrayEquals(PLAINTEXT, VerifiedMediaDecryptor.decrypt(blob, keys,
                ExpectedMediaHashes.of(HEX.parseHex(v.fileSha256()), HEX.parseHex(v.fileEncSha256()))));
    }

    @Test
    void testHkdfMatchesRfc5869AppendixA() throws Exception {
        // RFC 5869 A.1 (basic) and A.3 (zero-length salt and info), OKM copied from the RFC
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
        byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
        String a1 = "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865";
        String a3 = "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8";
        assertEquals(a1, HEX.formatHex(SpecCrypto.hkdf(ikm, salt, info, 42)));
        assertEquals(a3, HEX.formatHex(SpecCrypto.hkdf(ikm, new byte[0], new byte[0], 42)));
        // and the production HKDF agrees on both
        assertEquals(a1, HEX.formatHex(HkdfSha256.derive(ikm, salt, info, 42)));
        assertEquals(a3, HEX.formatHex(HkdfSha256.derive(ikm, null, new byte[0], 42)));
    }

    @ParameterizedTest
    @EnumSource(MediaType.class)
    void everyTypeMatchesTheTestsOwnRenderingOfTheSpec(MediaType type) throws Exception {
        // Given a multi-block plaintext and a key unlike the vector's
        byte[] mediaKey = new byte[32];
        Arrays.fill(mediaKey, (byte) (0x40 + type.ordinal()));
        byte[] plaintext = new byte[100];
        for (int i = 0; i < plaintext.length; i++) {
            plaintext[i] = (byte) (i * 7);
        }
        // When encrypted by the code under test
        MediaKeys keys = MediaKeys.derive(mediaKey, type);
        MediaEncryptor.EncryptedBlob enc = MediaEncryptor.encrypt(plaintext, keys);
        // Then keys, blob and hashes equal the independent computation
        byte[] okm = SpecCrypto.expand(mediaKey, type.hkdfInfo());
        assertArrayEquals(Arrays.copyOfRange(okm, 0, 16), keys.iv());
        assertArrayEquals(Arrays.copyOfRange(okm, 16, 48), keys.cipherKey());
        assertArrayEquals(Arrays.copyOfRange(okm, 48, 80), keys.macKey());
        assertArrayEquals(Arrays.copyOfRange(okm, 80, 112), keys.refKey());
        byte[] expectedBlob = SpecCrypto.blob(mediaKey, type.hkdfInfo(), plaintext);
        assertArrayEquals(expectedBlob, enc.blob());
        assertArrayEquals(SpecCrypto.sha256(plaintext), enc.digests().fileSha256());
        assertArrayEquals(SpecCrypto.sha256(expectedBlob), enc.digests().fileEncSha256());
    }

    @Test
    void infoStringsAreTheDocumentedOnes() {
        // §7.1: "WhatsApp <X> Keys"; stickers share image keys, gif/ptv video keys, ptt audio keys
        assertEquals("WhatsApp Image Keys", MediaType.IMAGE.hkdfInfo());
        assertEquals("WhatsApp Image Keys", MediaType.STICKER.hkdfInfo());
        assertEquals("WhatsApp Video Keys", MediaType.VIDEO.hkdfInfo());
        assertEquals("WhatsApp Video Keys", MediaType.GIF.hkdfInfo());
        assertEquals("WhatsApp Video Keys", MediaType.PTV.hkdfInfo());
        assertEquals("WhatsApp Audio Keys", MediaType.AUDIO.hkdfInfo());
        assertEquals("WhatsApp Audio Keys", MediaType.PTT.hkdfInfo());
        assertEquals("WhatsApp Document Keys", MediaType.DOCUMENT.hkdfInfo());
        assertEquals("WhatsApp History Keys", MediaType.HISTORY.hkdfInfo());
        assertEquals("WhatsApp App State Keys", MediaType.APP_STATE.hkdfInfo());
        assertEquals("WhatsApp Sticker Pack Keys", MediaType.STICKER_PACK.hkdfInfo());
        assertEquals("WhatsApp Link Thumbnail Keys", MediaType.LINK_THUMBNAIL.hkdfInfo());
        assertEquals("thumbnail-link", MediaType.LINK_THUMBNAIL.mmsType());
        assertEquals("md-msg-hist", MediaType.HISTORY.mmsType());
    }

    @Test
    void keysNeverAppearInToString() throws Exception {
        MediaKeys keys = MediaKeys.derive(MEDIA_KEY, MediaType.IMAGE);
        assertEquals("MediaKeys[IMAGE, redacted]", keys.toString());
    }
}
