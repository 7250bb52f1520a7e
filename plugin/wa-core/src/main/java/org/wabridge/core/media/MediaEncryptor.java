/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/** Convenience entry points over {@link MediaEncryptingOutputStream}. */
public final class MediaEncryptor {
    private MediaEncryptor() {
    }

    /** An upload blob held in memory together with its digests. */
    public record EncryptedBlob(byte[] blob, MediaDigests digests) {
        public EncryptedBlob {
            blob = blob.clone();
        }

        @Override
        public byte[] blob() {
            return blob.clone();
        }
    }

    /** Streams {@code plaintext} to {@code blobSink} as ciphertext || mac10; closes neither stream. */
    public static MediaDigests encrypt(InputStream plaintext, OutputStream blobSink, MediaKeys keys) throws IOException {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(blobSink, "blobSink");
        MediaEncryptingOutputStream enc = new MediaEncryptingOutputStream(new NonClosingOutputStream(blobSink), keys);
        byte[] buffer = new byte[MediaEncryptCore.CHUNK];
        int r;
        while ((r = plaintext.read(buffer, 0, buffer.length)) >= 0) {
            enc.write(buffer, 0, r);
        }
        enc.close();
        return enc.digests();
    }

    /** Encrypts a small plaintext in memory (thumbnails, tests). */
    public static EncryptedBlob encrypt(byte[] plaintext, MediaKeys keys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + 32);
        MediaEncryptingOutputStream enc = new MediaEncryptingOutputStream(out, keys);
        try {
            enc.write(plaintext, 0, plaintext.length);
            enc.close();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory streams do not fail", e);
        }
        return new EncryptedBlob(out.toByteArray(), enc.digests());
    }

    private static final class NonClosingOutputStream extends OutputStream {
        private final OutputStream delegate;

        NonClosingOutputStream(OutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            delegate.flush();
        }
    }
}
