/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wabridge.core.jid.WaJid;

/** The cases where decode(encode(n)) != n, each pinned by an example (see RoundTripPropertiesTest). */
class LossyCasesTest {
    private static Node roundTrip(Node node) throws BinaryDecodeException {
        return BinaryDecoder.standard().decode(BinaryEncoder.standard().encode(node));
    }

    @Test
    void rawStringContentComesBackAsBytes() throws Exception {
        Node sent = Node.builder("body").text("hello").build();
        Node received = roundTrip(sent);
        assertTrue(received.hasBytes(), "raw strings and bytes look the same on the wire (BINARY_*)");
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), received.contentBytes());
        assertEquals("hello", received.contentText(), "contentText() bridges the difference");
    }

    @Test
    void tokenAndPackedStringContentStaysAString() throws Exception {
        for (String text : new String[] {"message", "read-self", "12345", "3EB0"}) {
            Node sent = Node.builder("body").text(text).build();
            assertEquals(sent, roundTrip(sent), text);
        }
    }

    @Test
    void bytesThatSpellATokenStayBytes() throws Exception {
        // byte content is always written raw, never tokenised, so it is not lossy
        Node sent = Node.builder("enc").bytes("message".getBytes(StandardCharsets.US_ASCII)).build();
        assertEquals("f8 02 1d fc 07 6d 65 73 73 61 67 65", Hex.of(BinaryEncoder.standard().encode(sent)));
        assertEquals(sent, roundTrip(sent));
    }

    @Test
    void emptyAttributeValuesAreDropped() throws Exception {
        Node sent = Node.builder("iq").attr("id", "").attr("type", "get").build();
        assertEquals(Node.builder("iq").attr("type", "get").build(), roundTrip(sent));
    }

    @Test
    void jidTextInAStringAttributeStaysAString() throws Exception {
        Node sent = Node.builder("iq").attr("to", "4917@s.whatsapp.net").build();
        Node received = roundTrip(sent);
        assertEquals(sent, received, "not turned into a JID_PAIR");
        assertEquals(WaJid.phone("4917"), received.attrs().requireJid("to"), "AttrReader still reads it as a JID");
    }

    @Test
    void interopWithoutServerIsAmbiguousBeforeAnAttributeNamedInterop() throws Exception {
        // §3.5: a decoder has to peek for the optional server; a following key "interop" is taken as the server
        Node sent = Node.builder("x").attr("from", WaJid.interop("1", 0, 7)).attr("interop", "1").build();
        byte[] bytes = new BinaryEncoder(InteropJidForm.WITHOUT_SERVER).encode(sent);
        Node received;
        try {
            received = BinaryDecoder.standard().decode(bytes);
        } catch (BinaryDecodeException expected) {
            return;
        }
        assertNotEquals(sent, received);
    }
}
