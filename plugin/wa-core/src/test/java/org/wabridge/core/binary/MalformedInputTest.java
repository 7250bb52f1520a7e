/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each kind of malformed input fails with a BinaryDecodeException that names the problem and the offset. */
class MalformedInputTest {

    private static BinaryDecodeException rejects(BinaryDecoder decoder, String hex, String problem, int offset) {
        BinaryDecodeException e = assertThrows(BinaryDecodeException.class, () -> decoder.decode(Hex.bytes(hex)), hex);
        assertTrue(e.getMessage().contains(problem), () -> "message '" + e.getMessage() + "' lacks '" + problem + "'");
        assertEquals(offset, e.offset(), () -> "offset in " + e.getMessage());
        assertTrue(e.getMessage().endsWith("at byte offset " + offset), e.getMessage());
        return e;
    }

    private static BinaryDecodeException rejects(String hex, String problem, int offset) {
        return rejects(BinaryDecoder.standard(), hex, problem, offset);
    }

    @Test
    void emptyAndTruncatedInput() {
        rejects("", "unexpected end of input", 0);
        rejects("f8", "unexpected end of input", 1);
        rejects("f8 03 19 08", "attribute list of 2 bytes exceeds the 1 remaining", 3); // checked before reading
        rejects("f8 03 19 08 fc", "unexpected end of input", 5); // BINARY_8 length of the value missing
        rejects("f8 03 19 08 ec", "unexpected end of input", 5); // double-byte index missing
        rejects("f8 03 13 11 fa ff 06 49 17", "packed string of 6 bytes exceeds the 2 remaining", 7);
        rejects("f8 03 13 06 f6 ff 81 1f 00", "unexpected end of input", 9); // FB_JID u16 device cut
    }

    @Test
    void wrongTagWhereAListOrStringIsExpected() {
        rejects("19", "expected a list, found tag 25", 0);
        rejects("00", "node is an empty list", 0);
        rejects("f8 01 fa 00 03", "expected a string, found tag 250", 2); // JID as a tag name
        rejects("f8 01 f0", "expected a string, found tag 240", 2); // 240..244 are unassigned
        rejects("f8 03 19 08 f8 01 1b", "list where an attribute value was expected", 4);
        rejects("f8 02 19 f4", "expected a string, found tag 244", 3);
    }

    @Test
    void emptyNamesAndDuplicateAttributes() {
        rejects("f8 01 fc 00", "empty node tag", 2);
        rejects("f8 03 19 fc 00 45", "empty attribute name", 3);
        rejects("f8 05 19 08 45 08 51", "duplicate attribute 'id' in <iq>", 5);
    }

    @Test
    void sizesBeyondInputOrLimits() {
        rejects("f8 02 1d fc 05 01 02", "binary of 5 bytes exceeds the 2 remaining", 5);
        rejects("f8 02 1d fe 7f ff ff ff", "exceeds the limit 16777216", 3);
        rejects("f8 02 1d fe ff ff ff ff", "exceeds the limit 16777216", 3); // would be negative as an int
        rejects("f8 02 71 f9 ff ff", "child list of 131070 bytes exceeds the 0 remaining", 6);
        rejects("f8 ff 19", "attribute list of 254 bytes exceeds the 0 remaining", 3);
        BinaryDecoder tight = new BinaryDecoder(new DecoderLimits(3, 2, 4, 5));
        rejects(tight, "f8 02 71 f8 03 f8 01 1b f8 01 1b f8 01 1b", "child list of 3 exceeds the limit 2", 3);
        rejects(tight, "f8 02 1d fc 05 01 02 03 04 05", "binary of 5 bytes exceeds the limit 4", 3);
        // depth: list(1) > list(2) > list(3) > ack(4)
        rejects(tight, "f8 02 71 f8 01 f8 02 71 f8 01 f8 02 71 f8 01 f8 01 1b", "nested deeper than 3", 13);
        // list > (list > ack, ack), ack, ack: the 6th node starts at 19
        rejects(new BinaryDecoder(new DecoderLimits(3, 10, 4, 5)), "f8 02 71 f8 03 f8 02 71 f8 02 f8 01 1b f8 01 1b f8 01 1b f8 01 1b",
                "more than 5 nodes", 19);
    }

    @Test
    void badPackedStrings() {
        rejects("f8 03 07 1a ff 01 1c", "invalid nibble 12 in NIBBLE_8 string", 6);
        rejects("f8 03 07 1a ff 01 f1", "invalid nibble 15 in NIBBLE_8 string", 6); // padding only at the end
        rejects("f8 03 07 1a ff 80", "odd packed string of zero bytes", 4);
    }

    @Test
    void badJids() {
        rejects("f8 02 19 f7 05 01 45", "unknown AD_JID domain type 5", 4);
        rejects("f8 02 19 fa 00 fc 00", "invalid JID: JID server must not be empty", 3);
        // FB_JID with a device on a server that has none (g.us = 1c)
        rejects("f8 02 19 f6 45 00 07 1c", "invalid JID: device 7 out of range for server g.us", 3);
    }

    @Test
    void trailingBytesAfterTheNode() {
        rejects("f8 01 1b 00", "1 trailing bytes after the node", 3);
        rejects("f8 01 1b f8 01 1b", "3 trailing bytes after the node", 3);
    }

    @Test
    void offsetsRefertoTheGivenArrayWhenDecodingASlice() {
        byte[] data = Hex.bytes("aa bb f8 03 19 08");
        BinaryDecodeException e = assertThrows(BinaryDecodeException.class,
                () -> BinaryDecoder.standard().decode(data, 2, 4));
        assertEquals(5, e.offset(), e.getMessage()); // 2 prefix bytes + the iq tag's 3
    }
}
