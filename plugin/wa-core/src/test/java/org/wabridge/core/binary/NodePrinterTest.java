/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wabridge.core.jid.WaJid;

class NodePrinterTest {
    private static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @Test
    void rendersIndentedXmlWithAttributesJidsAndAbbreviatedBinary() {
        Node message = Node.builder("message").attr("id", "3EB0A1").attr("to", WaJid.phone("491701234567").withDevice(3))
                .child(Node.builder("enc").attr("type", "msg").bytes(counting(100)).build())
                .child(Node.builder("meta").attr("note", "a<b & \"c\"").build())
                .build();
        assertEquals("""
                <message id="3EB0A1" to="491701234567:3@s.whatsapp.net">
                  <enc type="msg"><!-- 100 bytes: 000102030405060708090a0b0c0d0e0f… --></enc>
                  <meta note="a&lt;b &amp; &quot;c&quot;"/>
                </message>""", NodePrinter.DEFAULT.print(message));
        assertEquals(NodePrinter.DEFAULT.print(message), message.toString());
    }

    @Test
    void shortPrintableBytesAreShownAsText() {
        Node node = Node.builder("error").bytes("not-acceptable".getBytes(StandardCharsets.UTF_8)).build();
        assertEquals("<error>not-acceptable</error>", NodePrinter.DEFAULT.print(node));
        Node control = Node.builder("enc").bytes(new byte[] {'a', 0, 'b'}).build();
        assertEquals("<enc><!-- 3 bytes: 610062 --></enc>", NodePrinter.DEFAULT.print(control));
    }

    @Test
    void fullPrinterShowsEveryByteOnlyWhenAsked() {
        Node enc = Node.builder("enc").bytes(counting(20)).build();
        String full = NodePrinter.full().print(enc);
        assertEquals("<enc><!-- 20 bytes: 000102030405060708090a0b0c0d0e0f10111213 --></enc>", full);
        assertFalse(NodePrinter.DEFAULT.print(enc).contains("10111213"));
    }

    @Test
    void stringAndJidContentAndStreamEnd() {
        assertEquals("<iq>result</iq>", Node.builder("iq").text("result").build().toString());
        assertEquals("<participant>5550001:1@interop</participant>".replace("5550001", "42-5550001"),
                Node.builder("participant").jid(WaJid.interop("5550001", 1, 42)).build().toString());
        assertEquals("<xmlstreamend/>", Node.STREAM_END.toString());
    }
}
