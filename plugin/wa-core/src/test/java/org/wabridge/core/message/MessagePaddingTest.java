/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** whatsapp-protocol.md §6.5: N pad bytes each of value N, N in 1..16; bad padding is a typed error. */
class MessagePaddingTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void padAppendsNBytesOfValueNForEveryNFrom1To16() {
        // Given a seeded random source and a fixed message
        MessagePadding padding = new MessagePadding(new Random(1));
        byte[] message = HEX.parseHex("0a0568656c6c6f");
        TreeSet<Integer> seen = new TreeSet<>();
        for (int i = 0; i < 2000; i++) {
            // When padded
            byte[] padded = padding.pad(message);
            int n = padded.length - message.length;
            seen.add(n);
            // Then the prefix is the message and the n pad bytes all equal n
            assertArrayEquals(message, java.util.Arrays.copyOf(padded, message.length));
            for (int j = message.length; j < padded.length; j++) {
                assertEquals(n, padded[j]);
            }
        }
        // And exactly the lengths 1..16 occur
        assertEquals(16, seen.size());
        assertEquals(1, seen.first());
        assertEquals(16, seen.last());
    }

    @Test
    void handWrittenPaddedPayloadsUnpad() throws Exception {
        assertArrayEquals(HEX.parseHex("0a0568656c6c6f"), MessagePadding.unpad(HEX.parseHex("0a0568656c6c6f01")));
        assertArrayEquals(HEX.parseHex("0a0568656c6c6f"), MessagePadding.unpad(HEX.parseHex("0a0568656c6c6f030303")));
        assertArrayEquals(HEX.parseHex("0a"), MessagePadding.unpad(HEX.parseHex("0a" + "10".repeat(16))));
        // a payload that is all padding is an empty Message, which is legal
        assertArrayEquals(new byte[0], MessagePadding.unpad(HEX.parseHex("0202")));
    }

    @Test
    void padsLongerThan16AreAcceptedWhenConsistent() throws Exception {
        // whatsmeow only requires N <= length, so 17..255 from another client must not be refused
        assertArrayEquals(HEX.parseHex("0a"), MessagePadding.unpad(HEX.parseHex("0a" + "11".repeat(17))));
        assertArrayEquals(new byte[0], MessagePadding.unpad(HEX.parseHex("ff".repeat(255))));
    }

    @Test
    void emptyInputIsRejected() {
        PaddingException e = assertThrows(PaddingException.class, () -> MessagePadding.unpad(new byte[0]));
        assertEquals(PaddingException.Reason.EMPTY_INPUT, e.reason());
    }

    @Test
    void zeroPadLengthIsRejected() {
        PaddingException e = assertThrows(PaddingException.class, () -> MessagePadding.unpad(HEX.parseHex("0a0500")));
        assertEquals(PaddingException.Reason.ZERO_PAD_LENGTH, e.reason());
        assertEquals(0, e.padLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"04", "0a0505", "0a0b0c0d0e0f10", "ffff"})
    void padLongerThanInputIsRejected(String hex) {
        PaddingException e = assertThrows(PaddingException.class, () -> MessagePadding.unpad(HEX.parseHex(hex)));
        assertEquals(PaddingException.Reason.PAD_LONGER_THAN_INPUT, e.reason());
        assertEquals(HEX.parseHex(hex).length, e.inputLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0a050203", "0a0503030203", "0a" + "0f0f0f0f0f0f0f0f0f0f0f0f0f0e0f", "0a00000003"})
    void inconsistentPadBytesAreRejected(String hex) {
        PaddingException e = assertThrows(PaddingException.class, () -> MessagePadding.unpad(HEX.parseHex(hex)));
        assertEquals(PaddingException.Reason.INCONSISTENT_PAD_BYTES, e.reason());
        assertTrue(e.getMessage().contains("INCONSISTENT_PAD_BYTES"));
    }

    @Property
    void unpadInvertsPad(@ForAll byte[] message, @ForAll long seed) throws Exception {
        MessagePadding padding = new MessagePadding(new Random(seed));
        assertArrayEquals(message, MessagePadding.unpad(padding.pad(message)));
    }
}
