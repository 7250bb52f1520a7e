/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Pull-style encryption: reading this stream yields the upload blob (ciphertext || 10-byte MAC) of the
 * plaintext it reads from, e.g. as an HTTP request body. Fixed buffers (about 64 KiB) whatever the size.
 * {@link #digests()} is available once end of stream was reached. Not thread-safe.
 */
public final class MediaEncryptingInputStream extends InputStream {
    private final InputStream plaintext;
    private final MediaEncryptCore core;
    private final byte[] in = new byte[MediaEncryptCore.CHUNK];
    private final byte[] out = new byte[MediaEncryptCore.CHUNK + MediaEncryptCore.UPDATE_SLACK
            + MediaEncryptCore.FINISH_ROOM];
    private final byte[] single = new byte[1];
    private int outPos;
    private int outLimit;
    private boolean finished;

    public MediaEncryptingInputStream(InputStream plaintext, MediaKeys keys) {
        this.plaintext = Objects.requireNonNull(plaintext, "plaintext");
        this.core = new MediaEncryptCore(Objects.requireNonNull(keys, "keys"));
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (outPos == outLimit) {
            if (finished) {
                return -1;
            }
            refill();
        }
        int n = Math.min(len, outLimit - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    private void refill() throws IOException {
        int r = plaintext.read(in, 0, in.length);
        outPos = 0;
        if (r < 0) {
            outLimit = core.finish(out);
            finished = true;
        } else {
            outLimit = core.update(in, 0, r, out);
        }
    }

    @Override
    public int available() {
        return outLimit - outPos;
    }

    @Override
    public void close() throws IOException {
        plaintext.close();
    }

    /** Hashes and lengths for the message; only after this stream returned end of stream. */
    public MediaDigests digests() {
        return core.digests();
    }
}
