/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.wabridge.core.jid.WaJid;

/**
 * Golden vectors written by hand from whatsapp-protocol.md §3 (tag values §3.2, token indices §3.3 / tokens-v3.tsv,
 * node layout §3.4, JID layouts §3.5). Each canonical vector is checked both ways: decode(golden) == node and
 * encode(node) == golden. Non-canonical forms that decoders must still accept are decode-only.
 * Token indices used: 2 xmlstreamend, 3 s.whatsapp.net, 4 type, 5 participant, 7 receipt, 8 id, 11 status,
 * 13 broadcast, 17 to, 19 message, 20 result, 22 xmlns, 25 iq, 26 t, 27 ack, 28 g.us, 29 enc, 41 get, 56 text,
 * 69 "2", 77 msg, 81 v, 87 w:p, 113 list, 118 lid, 204 msgr; double-byte d0/0 read-self, d1/1 dirty, d2/0 "64",
 * d3/0 "1724".
 */
class GoldenVectorsTest {
    private static final String PHONE = "491701234567";
    /** NIBBLE_8 of "491701234567": 12 chars, even → length byte 0x06, then pairs 49 17 01 23 45 67. */
    private static final String PHONE_NIBBLE = "ff 06 49 17 01 23 45 67";
    /** NIBBLE_8 of "123456789012345": 15 chars, odd → 0x80 | 8, last byte 5 + padding nibble f. */
    private static final String LID_NIBBLE = "ff 88 12 34 56 78 90 12 34 5f";

    static void assertGolden(String hex, Node node) throws BinaryDecodeException {
        assertGolden(BinaryEncoder.standard(), hex, node);
    }

    static void assertGolden(BinaryEncoder encoder, String hex, Node node) throws BinaryDecodeException {
        byte[] golden = Hex.bytes(hex);
        assertEquals(node, BinaryDecoder.standard().decode(golden), "decode " + hex);
        assertEquals(Hex.of(golden), Hex.of(encoder.encode(node)), "encode " + node);
    }

    static void assertDecodesTo(String hex, Node node) throws BinaryDecodeException {
        assertEquals(node, BinaryDecoder.standard().decode(Hex.bytes(hex)), "decode " + hex);
    }

    private static Node withAttr(String tag, String key, Object value) {
        Node.Builder b = Node.builder(tag);
        return value instanceof WaJid ? b.attr(key, (WaJid) value).build() : b.attr(key, (String) value).build();
    }

    @Nested
    class Lists {
        @Test
        void streamEndIsAOneElementListOfToken2() throws Exception {
            // LIST_8 (f8), size 1 (tag only), token 2 = xmlstreamend (§3.4)
            assertGolden("f8 01 02", Node.STREAM_END);
            assertEquals(true, BinaryDecoder.standard().decode(Hex.bytes("f8 01 02")).isStreamEnd());
        }

        @Test
        void list8WithTokenAttributesAndServerJid() throws Exception {
            // LIST_8 size 7 = tag + 3 attribute pairs; iq(19) type(04) get(29) xmlns(16) w:p(57)
            // to(11) JID_PAIR(fa) with LIST_EMPTY user (00) and server s.whatsapp.net (03)
            Node iq = Node.builder("iq").attr("type", "get").attr("xmlns", "w:p").attr("to", WaJid.SERVER).build();
            assertGolden("f8 07 19 04 29 16 57 11 fa 00 03", iq);
        }

        @Test
        void listEmptyContentAndValueAreAccepted() throws Exception {
            // size 2 = tag + content, content LIST_EMPTY (00) → no content
            assertDecodesTo("f8 02 19 00", Node.of("iq"));
            // size 3 = tag + one pair whose value is LIST_EMPTY → empty string; the encoder skips empty values
            assertDecodesTo("f8 03 19 08 00", Node.builder("iq").attr("id", "").build());
            assertEquals("f8 01 19", Hex.of(BinaryEncoder.standard().encode(Node.builder("iq").attr("id", "").build())));
        }

        @Test
        void list16IsUsedFrom256ChildrenAndAcceptedForSmallLists() throws Exception {
            // LIST_16 (f9) + 2-byte BE size; decoders accept it even when LIST_8 would do
            assertDecodesTo("f9 00 01 1b", Node.of("ack"));
            StringBuilder hex = new StringBuilder("f8 02 71 f9 01 00"); // <list> + content list of 0x0100 entries
            Node.Builder list = Node.builder("list");
            for (int i = 0; i < 256; i++) {
                hex.append(" f8 01 1b"); // <ack/>
                list.child(Node.of("ack"));
            }
            assertGolden(hex.toString(), list.build());
        }
    }

    @Nested
    class Binaries {
        private byte[] counting(int length) {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) i;
            }
            return bytes;
        }

        @Test
        void binary8Content() throws Exception {
            // <enc v="2" type="msg"> size 6: enc(1d) v(51) "2"(45) type(04) msg(4d) + BINARY_8 (fc) len 3
            Node enc = Node.builder("enc").attr("v", "2").attr("type", "msg").bytes(new byte[] {1, 2, 3}).build();
            assertGolden("f8 06 1d 51 45 04 4d fc 03 01 02 03", enc);
        }

        @Test
        void binaryLengthFormsAtTheirBoundaries() throws Exception {
            int[] lengths = {255, 256, (1 << 20) - 1, 1 << 20};
            // 255 fits BINARY_8; 256 needs BINARY_20 (3 bytes, low 20 bits); 2^20 needs BINARY_32 (4 bytes BE)
            String[] headers = {"fc ff", "fd 00 01 00", "fd 0f ff ff", "fe 00 10 00 00"};
            for (int i = 0; i < lengths.length; i++) {
                byte[] payload = counting(lengths[i]);
                byte[] golden = Hex.concat(Hex.bytes("f8 02 1d " + headers[i]), payload);
                Node enc = Node.builder("enc").bytes(payload).build();
                assertEquals(enc, BinaryDecoder.standard().decode(golden));
                assertArrayEquals(golden, BinaryEncoder.standard().encode(enc), "length " + lengths[i]);
            }
        }

        @Test
        void rawStringAttributeIsUtf8Binary() throws Exception {
            // "hello" is no token and not packable → BINARY_8 len 5 + ASCII
            assertGolden("f8 03 19 08 fc 05 68 65 6c 6c 6f", withAttr("iq", "id", "hello"));
            // lower-case hex is not HEX_8 (which decodes to upper case) → raw
            assertGolden("f8 03 19 08 fc 04 33 65 62 30", withAttr("iq", "id", "3eb0"));
            // UTF-8: "é" = c3 a9
            assertGolden("f8 03 19 08 fc 02 c3 a9", withAttr("iq", "id", "é"));
        }

        @Test
        void longerLengthFormsAreAcceptedForShortStrings() throws Exception {
            assertDecodesTo("f8 03 19 08 fd 00 00 02 68 69", withAttr("iq", "id", "hi"));
            assertDecodesTo("f8 03 19 08 fe 00 00 00 02 68 69", withAttr("iq", "id", "hi"));
        }
    }

    @Nested
    class PackedAndTokens {
        @Test
        void nibble8() throws Exception {
            // <receipt t="1700000000">: receipt(07) t(1a) NIBBLE_8(ff) 10 chars → 05, 17 00 00 00 00
            assertGolden("f8 03 07 1a ff 05 17 00 00 00 00", withAttr("receipt", "t", "1700000000"));
            // odd "12345" → 0x80|3, 12 34 5f (f = padding)
            assertGolden("f8 03 07 1a ff 83 12 34 5f", withAttr("receipt", "t", "12345"));
            // '.' = 11 (b), '-' = 10 (a): "1.5-2" → 1b 5a 2f
            assertGolden("f8 03 07 1a ff 83 1b 5a 2f", withAttr("receipt", "t", "1.5-2"));
        }

        @Test
        void hex8() throws Exception {
            // <message id="3EB0A1">: message(13) id(08) HEX_8(fb) 6 chars → 03, 3e b0 a1
            assertGolden("f8 03 13 08 fb 03 3e b0 a1", withAttr("message", "id", "3EB0A1"));
            // odd "ABC" → 82, ab cf
            assertGolden("f8 03 13 08 fb 82 ab cf", withAttr("message", "id", "ABC"));
        }

        @Test
        void doubleByteDictionaries() throws Exception {
            // DICTIONARY_n = ec + n, then the index; tokens win over NIBBLE_8 ("64", "1724")
            assertGolden("f8 03 19 04 ec 00", withAttr("iq", "type", "read-self"));
            assertGolden("f8 03 19 04 ed 01", withAttr("iq", "type", "dirty"));
            assertGolden("f8 03 19 04 ee 00", withAttr("iq", "type", "64"));
            assertGolden("f8 03 19 04 ef 00", withAttr("iq", "type", "1724"));
        }

        @Test
        void stringContent() throws Exception {
            // <iq>result</iq>: size 2, content token 20 (14)
            assertGolden("f8 02 19 14", Node.builder("iq").text("result").build());
            // <iq>4711</iq>: NIBBLE_8, 2 bytes 47 11 ("42" would be a double-byte token)
            assertGolden("f8 02 19 ff 02 47 11", Node.builder("iq").text("4711").build());
            // a packed empty string is accepted (nobody writes it)
            assertDecodesTo("f8 02 19 ff 00", Node.builder("iq").text("").build());
        }
    }

    @Nested
    class Jids {
        @Test
        void jidPair() throws Exception {
            // message(13) to(11) JID_PAIR(fa) user nibble, server s.whatsapp.net (03)
            assertGolden("f8 03 13 11 fa " + PHONE_NIBBLE + " 03", withAttr("message", "to", WaJid.phone(PHONE)));
            // group: 18 digits → ff 09 …, server g.us (1c)
            assertGolden("f8 03 13 11 fa ff 09 12 03 63 01 23 45 67 89 01 1c",
                    withAttr("message", "to", WaJid.group("120363012345678901")));
            // LID without device stays a JID_PAIR, server lid (76)
            assertGolden("f8 03 13 11 fa " + LID_NIBBLE + " 76", withAttr("message", "to", WaJid.lid("123456789012345")));
            // status(0b)@broadcast(0d)
            assertGolden("f8 03 13 11 fa 0b 0d", withAttr("message", "to", WaJid.STATUS_BROADCAST));
        }

        @Test
        void adJid() throws Exception {
            // AD_JID(f7) domainType 0, device 3, user
            assertGolden("f8 03 13 11 f7 00 03 " + PHONE_NIBBLE,
                    withAttr("message", "to", WaJid.phone(PHONE).withDevice(3)));
            // domainType 1 = lid, device 2
            assertGolden("f8 03 13 11 f7 01 02 " + LID_NIBBLE,
                    withAttr("message", "to", WaJid.lid("123456789012345").withDevice(2)));
            // hosted (128 = 80) always uses AD_JID, even for device 0; hosted.lid = 129 (81), device 99 (63)
            assertGolden("f8 03 13 11 f7 80 00 " + PHONE_NIBBLE, withAttr("message", "to", WaJid.of(PHONE, "hosted")));
            assertGolden("f8 03 13 11 f7 81 63 " + LID_NIBBLE,
                    withAttr("message", "to", WaJid.of("123456789012345", 99, "hosted.lid")));
            // AD_JID with device 0 on s.whatsapp.net decodes to the plain user (encoders write JID_PAIR)
            assertDecodesTo("f8 03 13 11 f7 00 00 " + PHONE_NIBBLE, withAttr("message", "to", WaJid.phone(PHONE)));
        }

        @Test
        void fbJid() throws Exception {
            // FB_JID(f6): user "100012345" (9 chars → 85, 10 00 12 34 5f), u16 device 7, server msgr (cc)
            assertGolden("f8 03 13 06 f6 ff 85 10 00 12 34 5f 00 07 cc",
                    withAttr("message", "from", WaJid.messenger("100012345", 7)));
            // device 300 = 01 2c does not fit a byte: FB_JID's u16
            assertGolden("f8 03 13 06 f6 ff 83 13 57 9f 01 2c cc", withAttr("message", "from", WaJid.messenger("13579", 300)));
        }

        @Test
        void interopJidWithServer() throws Exception {
            // INTEROP_JID(f5): user "5550001" (84, 55 50 00 1f), device 00 01, integrator 00 2a,
            // server "interop" (no token → BINARY_8 len 7)
            String hex = "f8 03 13 06 f5 ff 84 55 50 00 1f 00 01 00 2a fc 07 69 6e 74 65 72 6f 70";
            assertGolden(hex, withAttr("message", "from", WaJid.interop("5550001", 1, 42)));
        }

        @Test
        void interopJidWithoutServer() throws Exception {
            BinaryEncoder withoutServer = new BinaryEncoder(InteropJidForm.WITHOUT_SERVER);
            WaJid jid = WaJid.interop("5550001", 1, 42);
            // as an attribute followed by another pair: id(08) HEX_8 "ABC" must not be taken as the server
            Node message = Node.builder("message").attr("from", jid).attr("id", "ABC").build();
            assertGolden(withoutServer, "f8 05 13 06 f5 ff 84 55 50 00 1f 00 01 00 2a 08 fb 82 ab cf", message);
            // as the last value of the input
            assertGolden(withoutServer, "f8 02 13 f5 ff 84 55 50 00 1f 00 01 00 2a",
                    Node.builder("message").jid(jid).build());
        }

        @Test
        void jidContent() throws Exception {
            // <participant>phone JID</participant>: participant(05), size 2
            assertGolden("f8 02 05 fa " + PHONE_NIBBLE + " 03", Node.builder("participant").jid(WaJid.phone(PHONE)).build());
        }
    }

    @Test
    void typicalMessageStanza() throws Exception {
        // <message id="3EB0A1" to="491701234567@s.whatsapp.net" type="text"><enc v="2" type="msg">010203</enc>
        // size 8 = tag + 3 pairs + content; content LIST_8 of 1 child
        String hex = "f8 08 13 08 fb 03 3e b0 a1 11 fa " + PHONE_NIBBLE + " 03 04 38"
                + " f8 01 f8 06 1d 51 45 04 4d fc 03 01 02 03";
        Node message = Node.builder("message").attr("id", "3EB0A1").attr("to", WaJid.phone(PHONE)).attr("type", "text")
                .child(Node.builder("enc").attr("v", "2").attr("type", "msg").bytes(new byte[] {1, 2, 3}).build())
                .build();
        assertGolden(hex, message);
    }
}
