/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * WhatsApp's frame format (whatsapp-protocol.md §2.3): a 3-byte big-endian length, then that many bytes.
 * {@link #encode} is pure; a {@link Decoder} reassembles frames incrementally from reads or WebSocket
 * messages of any size, since message boundaries are not frame boundaries (§2.1). Zero-length frames are
 * skipped on input (§9.4).
 */
public final class FrameCodec {
    public static final int HEADER_SIZE = 3;
    public static final int MAX_ENCODABLE = (1 << 24) - 1;

    private FrameCodec() {
    }

    /** The frame as it goes on the wire: length header, then the body. */
    public static byte[] encode(byte[] body, int maxFrameSize) throws FrameTooLargeException {
        int limit = Math.min(maxFrameSize, MAX_ENCODABLE);
        if (body.length > limit) {
            throw new FrameTooLargeException("outgoing frame of " + body.length + " bytes exceeds the limit of "
                    + limit);
        }
        byte[] out = new byte[HEADER_SIZE + body.length];
        out[0] = (byte) (body.length >>> 16);
        out[1] = (byte) (body.length >>> 8);
        out[2] = (byte) body.length;
        System.arraycopy(body, 0, out, HEADER_SIZE, body.length);
        return out;
    }

    public static Decoder decoder(int maxFrameSize) {
        return new Decoder(maxFrameSize);
    }

    /**
     * Incremental decoder. Memory stays bounded: a body buffer is allocated only after its header passed
     * the size check. After a failure the decoder refuses further input. Not thread-safe.
     */
    public static final class Decoder {
        private final int maxFrameSize;
        private final byte[] header = new byte[HEADER_SIZE];
        private int headerFilled;
        private byte[] body;
        private int bodyFilled;
        private TransportException failure;

        private Decoder(int maxFrameSize) {
            if (maxFrameSize < 1 || maxFrameSize > MAX_ENCODABLE) {
                throw new IllegalArgumentException("maxFrameSize must be 1.." + MAX_ENCODABLE);
            }
            this.maxFrameSize = maxFrameSize;
        }

        /** Consumes {@code len} bytes and returns every frame they complete, in order. */
        public List<byte[]> feed(byte[] data, int off, int len) throws FrameTooLargeException {
            if (failure != null) {
                throw new FrameTooLargeException("decoder already failed: " + failure.getMessage(), failure);
            }
            List<byte[]> frames = new ArrayList<>(2);
            int pos = off;
            int end = off + len;
            while (pos < end) {
                if (body == null) {
                    int n = Math.min(HEADER_SIZE - headerFilled, end - pos);
                    System.arraycopy(data, pos, header, headerFilled, n);
                    headerFilled += n;
                    pos += n;
                    if (headerFilled < HEADER_SIZE) {
                        break;
                    }
                    int size = ((header[0] & 0xFF) << 16) | ((header[1] & 0xFF) << 8) | (header[2] & 0xFF);
                    headerFilled = 0;
                    if (size > maxFrameSize) {
                        FrameTooLargeException e = new FrameTooLargeException("incoming frame announces " + size
                                + " bytes, more than the limit of " + maxFrameSize);
                        failure = e;
                        throw e;
                    }
                    if (size == 0) {
                        continue; // tolerated and ignored, see class comment
                    }
                    body = new byte[size];
                    bodyFilled = 0;
                }
                int n = Math.min(body.length - bodyFilled, end - pos);
                System.arraycopy(data, pos, body, bodyFilled, n);
                bodyFilled += n;
                pos += n;
                if (bodyFilled == body.length) {
                    frames.add(body);
                    body = null;
                }
            }
            return frames;
        }

        public List<byte[]> feed(byte[] data) throws FrameTooLargeException {
            return feed(data, 0, data.length);
        }

        /** True while a frame header or body has been started but not finished. */
        public boolean hasPartialFrame() {
            return headerFilled > 0 || body != null;
        }

        /** Call at end of stream: a started frame then means the peer cut the connection mid-frame. */
        public void endOfStream() throws TruncatedFrameException {
            if (body != null) {
                throw new TruncatedFrameException("stream ended after " + bodyFilled + " of " + body.length
                        + " frame bytes");
            }
            if (headerFilled > 0) {
                throw new TruncatedFrameException("stream ended inside a frame header (" + headerFilled + " of 3 bytes)");
            }
        }
    }
}
