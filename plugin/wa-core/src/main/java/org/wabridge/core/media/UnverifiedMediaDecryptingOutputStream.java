/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The UNVERIFIED one-pass fast path: blob bytes written here are decrypted and their plaintext is passed to
 * the sink immediately, before the MAC and hashes could be checked. {@link #close()} runs every check and
 * throws the same typed errors as {@link VerifiedMediaDecryptor}; by then the sink has already seen the
 * (possibly forged) plaintext, so callers must be able to discard it (e.g. a temporary file they delete).
 * Use this only where a second read of the blob is impossible and the sink is private. Not thread-safe.
 */
public final class UnverifiedMediaDecryptingOutputStream extends OutputStream {
    private final OutputStream plaintextSink;
    private final MediaDecryptCore core;
    private final ExpectedMediaHashes expected;
    private final byte[] single = new byte[1];
    private MediaDigests digests;
    private boolean closed;

    /**
     * @param expected the hashes from the message, or null to check only the MAC and padding
     */
    public UnverifiedMediaDecryptingOutputStream(OutputStream plaintextSink, MediaKeys keys,
            ExpectedMediaHashes expected) {
        this.plaintextSink = Objects.requireNonNull(plaintextSink, "plaintextSink");
        this.core = new MediaDecryptCore(Objects.requireNonNull(keys, "keys"), plaintextSink);
        this.expected = expected;
    }

    @Override
    public void write(int b) throws IOException {
        single[0] = (byte) b;
        write(single, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        core.update(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        plaintextSink.flush();
    }

    /** Finishes decryption, closes the sink, then throws if any check failed. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream s = plaintextSink) {
            digests = core.finish(expected);
        }
    }

    /** Digests of what was decrypted; only after a successful {@link #close()}. */
    public MediaDigests digests() {
        if (digests == null) {
            throw new IllegalStateException("not closed successfully yet");
        }
        return digests;
    }
}
