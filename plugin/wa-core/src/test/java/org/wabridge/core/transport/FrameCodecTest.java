/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Framing and connection intro per whatsapp-protocol.md §2.2–§2.3, golden bytes written by hand. */
class FrameCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encodesThreeByteBigEndianLength() throws Exception {
        assertArrayEquals(HEX.parseHex("000003616263"), FrameCodec.encode("abc".getBytes(), 100));
        byte[] big = new byte[0x012345];
        byte[] encoded = FrameCodec.encode(big, FrameCodec.MAX_ENCODABLE);
        assertArrayEquals(HEX.parseHex("012345"), java.util.Arrays.copyOf(encoded, 3));
        assertThrows(FrameTooLargeException.class, () -> FrameCodec.encode(new byte[11], 10));
    }

    @Test
    void reassemblesFramesSplitAcrossAndPackedWithinReads() throws Exception {
        // Given two frames and an empty one on the wire: "hi", "", "there"
        byte[] wire = HEX.parseHex("000002" + "6869" + "000000" + "000005" + "7468657265");
        // When fed one byte at a time
        FrameCodec.Decoder decoder = FrameCodec.decoder(1024);
        List<byte[]> frames = new ArrayList<>();
        for (byte b : wire) {
            frames.addAll(decoder.feed(new byte[] {b}));
        }
        // Then both non-empty frames come out, the empty one is skipped
        assertEquals(2, frames.size());
        assertArrayEquals("hi".getBytes(), frames.get(0));
        assertArrayEquals("there".getBytes(), frames.get(1));
        assertFalse(decoder.hasPartialFrame());
        decoder.endOfStream();

        // And when fed all at once
        List<byte[]> packed = FrameCodec.decoder(1024).feed(wire);
        assertEquals(2, packed.size());
    }

    @Test
    void oversizedFrameIsRefusedFromItsHeader() throws Exception {
        FrameCodec.Decoder decoder = FrameCodec.decoder(1 << 20);
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> decoder.feed(HEX.parseHex("ffffff")));
        assertTrue(e.getMessage().contains("16777215"), e.getMessage());
        // the decoder stays failed
        assertThrows(FrameTooLargeException.class, () -> decoder.feed(HEX.parseHex("000001aa")));
    }

    @Test
    void truncatedFrameAtEndOfStream() throws Exception {
        FrameCodec.Decoder body = FrameCodec.decoder(100);
        body.feed(HEX.parseHex("00000a0102"));
        TruncatedFrameException e = assertThrows(TruncatedFrameException.class, body::endOfStream);
        assertTrue(e.getMessage().contains("2 of 10"), e.getMessage());
        FrameCodec.Decoder header = FrameCodec.decoder(100);
        header.feed(HEX.parseHex("00"));
        assertThrows(TruncatedFrameException.class, header::endOfStream);
    }

    @Test
    void introWithoutAndWithEdgeRouting() throws Exception {
        assertArrayEquals(HEX.parseHex("57410603"), new ConnectionIntro(null, 6, 3).encode());
        byte[] withRouting = new ConnectionIntro(new byte[] {0x0A, 0x0B}, 6, 3).encode();
        assertArrayEquals(HEX.parseHex("4544" + "0001" + "000002" + "0a0b" + "57410603"), withRouting);

        Optional<ConnectionIntro.Parsed> parsed = ConnectionIntro.parse(withRouting, withRouting.length, Set.of(3));
        assertTrue(parsed.isPresent());
        assertEquals(withRouting.length, parsed.get().consumed());
        assertArrayEquals(new byte[] {0x0A, 0x0B}, parsed.get().intro().routingInfo());
        assertArrayEquals(HEX.parseHex("57410603"), parsed.get().intro().header());
        // incomplete input asks for more
        assertTrue(ConnectionIntro.parse(withRouting, 8, Set.of(3)).isEmpty());
        assertTrue(ConnectionIntro.parse(HEX.parseHex("5741"), 2, Set.of(3)).isEmpty());
    }

    @Test
    void introErrors() {
        ConnectionIntroException magic = assertThrows(ConnectionIntroException.class,
                () -> ConnectionIntro.parse(HEX.parseHex("16030100"), 4, Set.of(3))); // a TLS ClientHello
        assertTrue(magic.getMessage().contains("magic"), magic.getMessage());
        ConnectionIntroException dict = assertThrows(ConnectionIntroException.class,
                () -> ConnectionIntro.parse(HEX.parseHex("57410602"), 4, Set.of(3)));
        assertTrue(dict.getMessage().contains("dictionary version 2"), dict.getMessage());
        assertThrows(ConnectionIntroException.class,
                () -> ConnectionIntro.parse(HEX.parseHex("45440002"), 4, Set.of(3)));
        assertThrows(ConnectionIntroException.class,
                () -> ConnectionIntro.parse(HEX.parseHex("4544000100ffff"), 7, Set.of(3)));
    }

    @Test
    void serverStreamDecoderSplitsIntroFromFrames() throws Exception {
        byte[] wire = HEX.parseHex("45440001000001" + "99" + "57410603" + "000002abcd" + "000001ef");
        for (int split = 1; split < wire.length; split++) {
            InboundStreamDecoder decoder = new InboundStreamDecoder(Set.of(3), 100);
            List<byte[]> frames = new ArrayList<>(decoder.feed(wire, 0, split));
            frames.addAll(decoder.feed(wire, split, wire.length - split));
            assertEquals(2, frames.size(), "split at " + split);
            assertArrayEquals(HEX.parseHex("abcd"), frames.get(0));
            assertEquals(6, decoder.intro().orElseThrow().major());
        }
        InboundStreamDecoder cut = new InboundStreamDecoder(Set.of(3), 100);
        cut.feed(HEX.parseHex("5741"), 0, 2);
        assertThrows(TruncatedFrameException.class, cut::endOfStream);
    }
}
