/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** The frame plaintext wrapper of §3.1: flags byte, zlib on bit 0x02, inflate cap. */
class NodeFramesTest {
    /** <enc v="2" type="msg">010203</enc>, from GoldenVectorsTest (§3.4). */
    private static final String ENC = "f8 06 1d 51 45 04 4d fc 03 01 02 03";
    private static final Node ENC_NODE =
            Node.builder("enc").attr("v", "2").attr("type", "msg").bytes(new byte[] {1, 2, 3}).build();

    private static byte[] zlib(byte[] plain) {
        Deflater deflater = new Deflater();
        deflater.setInput(plain);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] compressed, int offset) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed, offset, compressed.length - offset);
        byte[] out = new byte[1 << 16];
        int n = inflater.inflate(out);
        inflater.end();
        return Arrays.copyOf(out, n);
    }

    @Test
    void uncompressedFrameIsFlagsZeroThenTheNode() throws Exception {
        byte[] frame = Hex.bytes("00 " + ENC);
        assertArrayEquals(frame, NodeFrames.standard().pack(ENC_NODE, false));
        assertArrayEquals(frame, NodeFrames.standard().pack(ENC_NODE));
        assertEquals(ENC_NODE, NodeFrames.standard().unpack(frame));
    }

    @Test
    void otherFlagBitsDoNotMeanCompression() throws Exception {
        assertEquals(ENC_NODE, NodeFrames.standard().unpack(Hex.bytes("01 " + ENC)));
    }

    @Test
    void compressedInputIsInflated() throws Exception {
        byte[] frame = Hex.concat(new byte[] {0x02}, zlib(Hex.bytes(ENC)));
        assertEquals(ENC_NODE, NodeFrames.standard().unpack(frame));
    }

    @Test
    void compressedOutputCarriesFlag2AndInflatesToTheNode() throws Exception {
        byte[] frame = NodeFrames.standard().pack(ENC_NODE, true);
        assertEquals(0x02, frame[0]);
        assertArrayEquals(Hex.bytes(ENC), inflate(frame, 1));
        assertEquals(ENC_NODE, NodeFrames.standard().unpack(frame));
    }

    @Test
    void zipBombFailsCleanlyAtTheCap() {
        byte[] bomb = Hex.concat(new byte[] {0x02}, zlib(new byte[20 * 1024 * 1024]));
        assertTrue(bomb.length < 64 * 1024, "a 20 MiB bomb compresses small");
        BinaryDecodeException e = assertThrows(BinaryDecodeException.class, () -> NodeFrames.standard().unpack(bomb));
        assertTrue(e.getMessage().contains("inflates beyond 16777216 bytes"), e.getMessage());
        NodeFrames small = new NodeFrames(BinaryEncoder.standard(), BinaryDecoder.standard(), 8);
        byte[] frame = Hex.concat(new byte[] {0x02}, zlib(Hex.bytes(ENC)));
        BinaryDecodeException tight = assertThrows(BinaryDecodeException.class, () -> small.unpack(frame));
        assertTrue(tight.getMessage().contains("inflates beyond 8 bytes"), tight.getMessage());
    }

    @Test
    void badCompressedData() {
        byte[] valid = Hex.concat(new byte[] {0x02}, zlib(Hex.bytes(ENC)));
        assertProblem(Hex.bytes("02 ff ff ff ff"), "bad zlib data");
        assertProblem(Arrays.copyOf(valid, valid.length - 3), "truncated zlib stream");
        assertProblem(Hex.concat(valid, Hex.bytes("00 00")), "2 trailing bytes after the zlib stream");
        assertProblem(Hex.bytes("02"), "truncated zlib stream");
    }

    @Test
    void emptyFrameAndBadNodeInsideAFrame() {
        assertProblem(new byte[0], "empty frame");
        BinaryDecodeException e = assertProblem(Hex.bytes("00 f8 01 1b 00"), "1 trailing bytes after the node");
        assertEquals(4, e.offset(), "offsets count the flags byte");
    }

    private static BinaryDecodeException assertProblem(byte[] frame, String problem) {
        BinaryDecodeException e = assertThrows(BinaryDecodeException.class, () -> NodeFrames.standard().unpack(frame));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        return e;
    }
}
