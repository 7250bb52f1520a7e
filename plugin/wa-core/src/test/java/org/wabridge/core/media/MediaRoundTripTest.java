/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Round trips through every API, for every media type and the sizes around the 64 KiB buffer boundary. */
class MediaRoundTripTest {
    private static final int[] SIZES = {0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 10 * 1024 * 1024};

    static Stream<Arguments> typesAndSizes() {
        return Stream.of(MediaType.values()).flatMap(t -> java.util.Arrays.stream(SIZES).mapToObj(s -> Arguments.of(t, s)));
    }

    @ParameterizedTest(name = "{0} {1} bytes")
    @MethodSource("typesAndSizes")
    void roundTrip(MediaType type, int size) throws Exception {
        // Given random plaintext and fresh keys
        Random random = new Random(31L * size + type.ordinal());
        byte[] plaintext = new byte[size];
        random.nextBytes(plaintext);
        MediaKeys keys = MediaKeys.generate(type, new SecureRandom());

        // When encrypted push-style with irregular write sizes
        ByteArrayOutputStream pushed = new ByteArrayOutputStream();
        MediaEncryptingOutputStream enc = new MediaEncryptingOutputStream(pushed, keys);
        int pos = 0;
        while (pos < size) {
            int n = Math.min(size - pos, 1 + random.nextInt(100_000));
            enc.write(plaintext, pos, n);
            pos += n;
        }
        enc.close();
        byte[] blob = pushed.toByteArray();

        // Then the blob is what the spec's one-shot computation gives, with PKCS#7 length and 10-byte MAC
        assertArrayEquals(SpecCrypto.blob(keys.mediaKey(), type.hkdfInfo(), plaintext), blob);
        assertEquals((size / 16 + 1) * 16 + 10, blob.length);
        assertEquals(size, enc.digests().fileLength());
        assertEquals(blob.length, enc.digests().encryptedLength());
        assertArrayEquals(SpecCrypto.sha256(plaintext), enc.digests().fileSha256());
        assertArrayEquals(SpecCrypto.sha256(blob), enc.digests().fileEncSha256());

        // And pull-style encryption with irregular read sizes yields the same blob and digests
        MediaEncryptingInputStream pull = new MediaEncryptingInputStream(new ByteArrayInputStream(plaintext), keys);
        assertArrayEquals(blob, readIrregularly(pull, random));
        assertArrayEquals(enc.digests().fileEncSha256(), pull.digests().fileEncSha256());
        assertArrayEquals(enc.digests().fileSha256(), pull.digests().fileSha256());

        // And every decryption path returns the plaintext
        ExpectedMediaHashes expected = enc.digests().expected();
        ByteArrayOutputStream verifiedOut = new ByteArrayOutputStream();
        MediaDigests verified = VerifiedMediaDecryptor.decrypt(MediaSource.ofBytes(blob), keys, expected, verifiedOut);
        assertArrayEquals(plaintext, verifiedOut.toByteArray());
        assertEquals(size, verified.fileLength());
        assertArrayEquals(plaintext, VerifiedMediaDecryptor.decrypt(blob, keys, expected));

        ByteArrayOutputStream fastOut = new ByteArrayOutputStream();
        UnverifiedMediaDecryptingOutputStream fast = new UnverifiedMediaDecryptingOutputStream(fastOut, keys, expected);
        pos = 0;
        while (pos < blob.length) {
            int n = Math.min(blob.length - pos, 1 + random.nextInt(20));
            n = random.nextBoolean() ? n : Math.min(blob.length - pos, 1 + random.nextInt(200_000));
            fast.write(blob, pos, n);
            pos += n;
        }
        fast.close();
        assertArrayEquals(plaintext, fastOut.toByteArray());
        assertArrayEquals(expected.fileEncSha256(), fast.digests().fileEncSha256());
    }

    @Test
    void spooledFileSourceDecryptsVerified(@TempDir Path dir) throws Exception {
        // Given a downloaded blob spooled to a file the bridge owns
        byte[] plaintext = new byte[300_000];
        new Random(5).nextBytes(plaintext);
        MediaKeys keys = MediaKeys.generate(MediaType.VIDEO, new SecureRandom());
        Path spool = dir.resolve("blob.enc");
        MediaDigests digests;
        try (var out = Files.newOutputStream(spool)) {
            digests = MediaEncryptor.encrypt(new ByteArrayInputStream(plaintext), out, keys);
        }
        // When decrypted with verification from the file
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        VerifiedMediaDecryptor.decrypt(MediaSource.ofPath(spool), keys, digests.expected(), sink);
        // Then the plaintext comes back
        assertArrayEquals(plaintext, sink.toByteArray());
        assertEquals(Files.size(spool), digests.encryptedLength());
    }

    private static byte[] readIrregularly(InputStream in, Random random) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[150_000];
        while (true) {
            int want = random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(buf.length);
            int n = want == 1 ? singleByte(in, buf) : in.read(buf, 0, want);
            if (n < 0) {
                return out.toByteArray();
            }
            out.write(buf, 0, n);
        }
    }

    private static int singleByte(InputStream in, byte[] buf) throws Exception {
        int b = in.read();
        if (b < 0) {
            return -1;
        }
        buf[0] = (byte) b;
        return 1;
    }
}
