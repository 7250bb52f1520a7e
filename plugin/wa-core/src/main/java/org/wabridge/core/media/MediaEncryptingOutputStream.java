/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Push-style encryption: plaintext written here comes out of {@code sink} as the upload blob
 * (AES-256-CBC ciphertext || 10-byte MAC). Memory is two fixed buffers (about 32 KiB each) whatever the
 * size. {@link #close()} writes the last block and the MAC and closes the sink; {@link #digests()} is then
 * available for the message fields. Not thread-safe.
 */
public final class MediaEncryptingOutputStream extends OutputStream {
    private final OutputStream sink;
    private final MediaEncryptCore core;
    private final byte[] out = new byte[MediaEncryptCore.CHUNK + MediaEncryptCore.UPDATE_SLACK];
    private final byte[] single = new byte[1];
    private boolean closed;

    public MediaEncryptingOutputStream(OutputStream sink, MediaKeys keys) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.core = new MediaEncryptCore(Objects.requireNonNull(keys, "keys"));
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
        while (len > 0) {
            int n = Math.min(len, MediaEncryptCore.CHUNK);
            int c = core.update(b, off, n, out);
            sink.write(out, 0, c);
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        sink.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream s = sink) {
            int n = core.finish(out);
            s.write(out, 0, n);
        }
    }

    /** Hashes and lengths for the message; only after {@link #close()}. */
    public MediaDigests digests() {
        return core.digests();
    }
}
