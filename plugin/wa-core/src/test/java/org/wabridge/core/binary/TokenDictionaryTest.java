/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Pins the v3 dictionaries against whatsapp-protocol.md §3.3 (sizes and the entries the spec names). */
class TokenDictionaryTest {
    private final TokenDictionary tokens = TokenDictionary.v3();

    @Test
    void sizesMatchDictionaryVersion3() {
        assertEquals(3, TokenDictionary.VERSION);
        assertEquals(236, tokens.singleByteSize(), "single-byte entries incl. unused index 0");
        for (int d = 0; d < TokenDictionary.DOUBLE_BYTE_DICTIONARIES; d++) {
            assertEquals(256, tokens.doubleByteSize(d), "double-byte dictionary " + d);
        }
    }

    @Test
    void singleByteEntriesNamedInTheSpec() {
        String[][] known = {
            {"2", "xmlstreamend"}, {"3", "s.whatsapp.net"}, {"7", "receipt"}, {"9", "notification"},
            {"19", "message"}, {"25", "iq"}, {"27", "ack"}, {"28", "g.us"}, {"29", "enc"}, {"118", "lid"},
            {"157", "stream:error"}, {"204", "msgr"},
        };
        for (String[] entry : known) {
            int index = Integer.parseInt(entry[0]);
            assertEquals(entry[1], tokens.singleByte(index), "token " + index);
            assertEquals(index, tokens.indexOfSingleByte(entry[1]), "index of " + entry[1]);
        }
    }

    @Test
    void doubleByteLookupWorksBothWays() {
        // first entries of each dictionary as extracted (TOKENS-NOTICE.md)
        assertEquals("read-self", tokens.doubleByte(0, 0));
        assertEquals("reject", tokens.doubleByte(1, 0));
        assertEquals("64", tokens.doubleByte(2, 0));
        assertEquals("1724", tokens.doubleByte(3, 0));
        assertEquals(3 << 8, tokens.indexOfDoubleByte("1724"));
        assertEquals(1 << 8 | 1, tokens.indexOfDoubleByte("dirty"));
    }

    @Test
    void absentEntriesAreReportedNotInvented() {
        assertNull(tokens.singleByte(0), "index 0 is the unused empty string");
        assertNull(tokens.singleByte(236));
        assertNull(tokens.doubleByte(4, 0));
        assertNull(tokens.doubleByte(0, 256));
        assertEquals(-1, tokens.indexOfSingleByte(""));
        assertEquals(-1, tokens.indexOfSingleByte("interop"), "interop is not a token: written raw");
        assertEquals(-1, tokens.indexOfDoubleByte("iq"), "single-byte tokens are not double-byte");
    }
}
