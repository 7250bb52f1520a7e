/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Decryption that releases no plaintext before the blob is proven good.
 *
 * <p>Design: two streaming passes over a re-readable {@link MediaSource}, each with fixed buffers, so a
 * 2 GB document needs the same few hundred KiB as a sticker.
 * <ol>
 *   <li><b>Verify pass</b>: the whole blob is read once; its SHA-256, the HMAC over IV || ciphertext and the
 *       SHA-256 of the decrypted plaintext are computed while the plaintext itself is thrown away. The MAC,
 *       {@code fileEncSha256}, the PKCS#7 padding and {@code fileSha256} are all checked. Any failure throws
 *       its own {@link MediaCryptoException} subclass and the sink has received nothing.</li>
 *   <li><b>Release pass</b>: the blob is read again, decrypted and written to the sink while its SHA-256 is
 *       recomputed (equal hashes mean equal bytes, so MAC and plaintext hash need not be redone). If the
 *       source returned different bytes the sink has received unverified data and
 *       {@link MediaSourceChangedException} tells the caller to discard it. With a source the bridge owns
 *       (a spooled file) this cannot happen; it guards against misuse.</li>
 * </ol>
 * The cost over one pass is a second AES-CBC decryption and SHA-256 of the blob (see BENCHMARKS.md). Blobs already in memory
 * can use {@link #decrypt(byte[], MediaKeys, ExpectedMediaHashes)}, which decrypts once into a private
 * buffer and hands it out only after the checks. {@link UnverifiedMediaDecryptingOutputStream} is the
 * explicitly named one-pass alternative that releases plaintext before checking.
 */
public final class VerifiedMediaDecryptor {
    private VerifiedMediaDecryptor() {
    }

    /**
     * Verifies the blob in {@code source}, then writes its plaintext to {@code plaintextSink} (not closed).
     *
     * @return the verified digests and lengths
     * @throws MediaCryptoException a typed check failure; in every case but {@link MediaSourceChangedException}
     *     nothing was written to the sink
     * @throws IOException if reading the source or writing the sink fails
     */
    public static MediaDigests decrypt(MediaSource source, MediaKeys keys, ExpectedMediaHashes expected,
            OutputStream plaintextSink) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(plaintextSink, "plaintextSink");
        byte[] buffer = new byte[MediaEncryptCore.CHUNK];

        MediaDecryptCore verify = new MediaDecryptCore(keys, null);
        try (InputStream in = source.open()) {
            verify.drain(in, buffer);
        }
        MediaDigests verified = verify.finish(expected);

        MediaDecryptCore release = new MediaDecryptCore(keys, plaintextSink, true);
        MediaDigests released;
        try (InputStream in = source.open()) {
            release.drain(in, buffer);
            released = release.finish(expected);
        } catch (MediaCryptoException e) {
            MediaSourceChangedException changed = new MediaSourceChangedException(keys.type(), e.getMessage());
            changed.initCause(e);
            throw changed;
        }
        if (released.encryptedLength() != verified.encryptedLength()) {
            throw new MediaSourceChangedException(keys.type(), "length " + verified.encryptedLength()
                    + " became " + released.encryptedLength());
        }
        return released;
    }

    /**
     * Decrypts a blob held in memory in one pass into a private buffer, returned only when every check
     * passed. Meant for thumbnails and other small media.
     */
    public static byte[] decrypt(byte[] blob, MediaKeys keys, ExpectedMediaHashes expected) throws MediaCryptoException {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(expected, "expected");
        ByteArrayOutputStream plaintext = new ByteArrayOutputStream(Math.max(0, blob.length - 10));
        MediaDecryptCore core = new MediaDecryptCore(keys, plaintext);
        try {
            core.update(blob, 0, blob.length);
            core.finish(expected);
        } catch (MediaCryptoException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("in-memory streams do not fail", e);
        }
        return plaintext.toByteArray();
    }
}
