/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import java.io.ByteArrayOutputStream;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The frame plaintext wrapper (§3.1): a flags byte, then the encoded node, zlib-compressed when
 * {@code flags & 0x02}. Unpacking inflates into at most {@code maxInflatedBytes} and fails cleanly beyond that
 * (zip bombs). Pure and thread-safe; error offsets refer to the frame (flags byte = 0) or, for errors inside
 * compressed content, to the inflated bytes.
 */
public final class NodeFrames {
    public static final int FLAG_COMPRESSED = 0x02;

    private static final NodeFrames STANDARD =
            new NodeFrames(BinaryEncoder.standard(), BinaryDecoder.standard(), DecoderLimits.FRAME_CAP);

    private final BinaryEncoder encoder;
    private final BinaryDecoder decoder;
    private final int maxInflatedBytes;

    public NodeFrames(BinaryEncoder encoder, BinaryDecoder decoder, int maxInflatedBytes) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        if (maxInflatedBytes < 0) {
            throw new IllegalArgumentException("maxInflatedBytes must not be negative");
        }
        this.maxInflatedBytes = maxInflatedBytes;
    }

    /** Standard encoder and decoder, inflation capped at the 16 MiB frame cap. */
    public static NodeFrames standard() {
        return STANDARD;
    }

    /** Flags 0x00 and the node (what clients send), or flags 0x02 and the zlib-deflated node. */
    public byte[] pack(Node node, boolean compress) {
        if (!compress) {
            return encoder.encodeWithPrefix(node, 1);
        }
        byte[] plain = encoder.encode(node);
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 16);
            out.write(FLAG_COMPRESSED);
            byte[] chunk = new byte[Math.min(Math.max(plain.length, 64), 64 * 1024)];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    public byte[] pack(Node node) {
        return pack(node, false);
    }

    public Node unpack(byte[] frame) throws BinaryDecodeException {
        if (frame.length == 0) {
            throw new BinaryDecodeException("empty frame: no flags byte", 0);
        }
        int flags = frame[0] & 0xFF;
        if ((flags & FLAG_COMPRESSED) == 0) {
            return decoder.decode(frame, 1, frame.length - 1);
        }
        byte[] inflated = inflate(frame);
        return decoder.decode(inflated);
    }

    private byte[] inflate(byte[] frame) throws BinaryDecodeException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(frame, 1, frame.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(frame.length * 4, 1 << 16));
            byte[] chunk = new byte[16 * 1024];
            int stalls = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0) {
                    if (inflater.needsInput() || inflater.needsDictionary()) {
                        throw new BinaryDecodeException("truncated zlib stream", frame.length);
                    }
                    if (++stalls > 16) {
                        throw new BinaryDecodeException("zlib stream makes no progress", 1);
                    }
                    continue;
                }
                if (out.size() + n > maxInflatedBytes) {
                    throw new BinaryDecodeException(
                            "compressed frame inflates beyond " + maxInflatedBytes + " bytes", 1);
                }
                out.write(chunk, 0, n);
            }
            if (inflater.getRemaining() > 0) {
                throw new BinaryDecodeException(
                        inflater.getRemaining() + " trailing bytes after the zlib stream",
                        frame.length - inflater.getRemaining());
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new BinaryDecodeException("bad zlib data: " + e.getMessage(), 1, e);
        } finally {
            inflater.end();
        }
    }
}
