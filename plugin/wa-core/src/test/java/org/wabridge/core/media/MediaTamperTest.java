/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every failed check has its own exception, and verified decryption releases nothing when one fails. */
class MediaTamperTest {
    private MediaKeys keys;
    private byte[] plaintext;
    private byte[] blob;
    private ExpectedMediaHashes expected;

    @BeforeEach
    void encrypt() throws Exception {
        keys = MediaKeys.derive(new byte[32], MediaType.DOCUMENT);
        plaintext = new byte[200_000];
        new Random(7).nextBytes(plaintext);
        MediaEncryptor.EncryptedBlob enc = MediaEncryptor.encrypt(plaintext, keys);
        blob = enc.blob();
        expected = enc.digests().expected();
    }

    /** Verified decryption expecting the hashes of a (possibly tampered) blob as if the message named it. */
    private <T extends Throwable> T rejects(Class<T> type, byte[] candidate, ExpectedMediaHashes hashes) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        T e = assertThrows(type, () -> VerifiedMediaDecryptor.decrypt(MediaSource.ofBytes(candidate), keys, hashes, sink));
        assertEquals(0, sink.size(), "no plaintext may be released");
        assertThrows(type, () -> VerifiedMediaDecryptor.decrypt(candidate, keys, hashes));
        return e;
    }

    private ExpectedMediaHashes claimingEncHashOf(byte[] candidate) throws Exception {
        return ExpectedMediaHashes.of(expected.fileSha256(), SpecCrypto.sha256(candidate));
    }

    @Test
    void tamperedMacIsAMacMismatch() throws Exception {
        byte[] bad = blob.clone();
        bad[bad.length - 1] ^= 1;
        // even when the message's fileEncSha256 was made to match the tampered blob
        rejects(MediaMacMismatchException.class, bad, claimingEncHashOf(bad));
        rejects(MediaMacMismatchException.class, bad, expected);
    }

    @Test
    void tamperedCiphertextIsAMacMismatch() throws Exception {
        byte[] bad = blob.clone();
        bad[12_345] ^= 0x40;
        rejects(MediaMacMismatchException.class, bad, claimingEncHashOf(bad));
    }

    @Test
    void truncatedOrShortBlobIsMalformed() throws Exception {
        byte[] cut = Arrays.copyOf(blob, blob.length - 3);
        MalformedMediaCiphertextException e = rejects(MalformedMediaCiphertextException.class, cut, claimingEncHashOf(cut));
        assertEquals(MediaType.DOCUMENT, e.mediaType());
        byte[] tiny = {1, 2, 3};
        rejects(MalformedMediaCiphertextException.class, tiny, claimingEncHashOf(tiny));
        byte[] onlyMac = new byte[10];
        rejects(MalformedMediaCiphertextException.class, onlyMac, claimingEncHashOf(onlyMac));
    }

    @Test
    void wrongFileEncSha256IsAnEncHashMismatch() throws Exception {
        byte[] wrong = expected.fileEncSha256();
        wrong[0] ^= 1;
        rejects(MediaEncHashMismatchException.class, blob, ExpectedMediaHashes.of(expected.fileSha256(), wrong));
    }

    @Test
    void wrongFileSha256IsAFileHashMismatch() throws Exception {
        byte[] wrong = expected.fileSha256();
        wrong[31] ^= 1;
        rejects(MediaFileHashMismatchException.class, blob, ExpectedMediaHashes.of(wrong, expected.fileEncSha256()));
    }

    @Test
    void wrongKeyOrWrongTypeIsAMacMismatch() throws Exception {
        keys = MediaKeys.derive(new byte[32], MediaType.IMAGE);
        rejects(MediaMacMismatchException.class, blob, expected);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        keys = MediaKeys.derive(otherKey, MediaType.DOCUMENT);
        rejects(MediaMacMismatchException.class, blob, expected);
    }

    @Test
    void badPaddingUnderAValidMacIsMalformed() throws Exception {
        // Given a sender that MACs a ciphertext whose last block decrypts to the invalid PKCS#7 byte 0x00
        Cipher raw = Cipher.getInstance("AES/CBC/NoPadding");
        raw.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.cipherKey(), "AES"), new IvParameterSpec(keys.iv()));
        byte[] ct = raw.doFinal(new byte[32]);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.macKey(), "HmacSHA256"));
        mac.update(keys.iv());
        byte[] bad = Arrays.copyOf(ct, 42);
        System.arraycopy(mac.doFinal(ct), 0, bad, 32, 10);
        // Then verified decryption reports malformed ciphertext
        rejects(MalformedMediaCiphertextException.class, bad, claimingEncHashOf(bad));
    }

    @Test
    void sourceThatChangesBetweenPassesIsDetected() throws Exception {
        // Given a source that returns the genuine blob first and a tampered one second
        byte[] bad = blob.clone();
        bad[100] ^= 1;
        AtomicInteger opens = new AtomicInteger();
        MediaSource flaky = () -> new ByteArrayInputStream(opens.getAndIncrement() == 0 ? blob : bad);
        // Then the second pass fails with the dedicated error, caused by the blob hash recheck
        MediaSourceChangedException e = assertThrows(MediaSourceChangedException.class,
                () -> VerifiedMediaDecryptor.decrypt(flaky, keys, expected, new ByteArrayOutputStream()));
        assertInstanceOf(MediaEncHashMismatchException.class, e.getCause());
    }

    @Test
    void unverifiedPathReleasesFirstAndThrowsOnClose() throws Exception {
        byte[] bad = blob.clone();
        bad[bad.length - 5] ^= 1;
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        UnverifiedMediaDecryptingOutputStream fast = new UnverifiedMediaDecryptingOutputStream(sink, keys, expected);
        fast.write(bad);
        // plaintext already went out: this is what makes the path "unverified"
        assertEquals(true, sink.size() > 0);
        assertThrows(MediaMacMismatchException.class, fast::close);
        assertThrows(IllegalStateException.class, fast::digests);
    }

    @Test
    void unverifiedPathWithoutExpectedHashesStillChecksTheMac() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        UnverifiedMediaDecryptingOutputStream fast = new UnverifiedMediaDecryptingOutputStream(sink, keys, null);
        fast.write(blob);
        fast.close();
        assertArrayEquals(plaintext, sink.toByteArray());
    }

    @Test
    void mediaKeyOfWrongLengthIsTyped() {
        InvalidMediaKeyException e = assertThrows(InvalidMediaKeyException.class,
                () -> MediaKeys.derive(new byte[31], MediaType.VIDEO));
        assertEquals(MediaType.VIDEO, e.mediaType());
        assertThrows(InvalidMediaKeyException.class, () -> MediaKeys.derive(null, MediaType.VIDEO));
        assertThrows(IllegalArgumentException.class, () -> ExpectedMediaHashes.of(new byte[31], new byte[32]));
    }
}
