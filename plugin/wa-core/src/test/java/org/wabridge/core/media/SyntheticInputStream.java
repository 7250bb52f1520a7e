/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import java.io.InputStream;

/**
 * A reproducible stream of {@code length} pseudo-random bytes generated on the fly (xorshift64 keyed by the
 * position), so multi-gigabyte inputs need neither a file nor memory. Allocation-free after construction.
 */
final class SyntheticInputStream extends InputStream {
    private final long seed;
    private final long length;
    private long position;

    SyntheticInputStream(long seed, long length) {
        this.seed = seed;
        this.length = length;
    }

    /** The byte at {@code position} of the stream with this seed. */
    static byte byteAt(long seed, long position) {
        long x = (position >>> 3) * 0x9E3779B97F4A7C15L ^ seed;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        return (byte) (x >>> ((position & 7) * 8));
    }

    @Override
    public int read() {
        if (position >= length) {
            return -1;
        }
        return byteAt(seed, position++) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - position);
        for (int i = 0; i < n; i++) {
            b[off + i] = byteAt(seed, position + i);
        }
        position += n;
        return n;
    }
}
