/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wabridge.core.jid.WaJid;

class AttrReaderTest {
    private final Node node = Node.builder("iq").attr("id", "abc").attr("t", 1700000000L).attr("count", 7)
            .attr("offline", true).attr("from", WaJid.phone("4917")).attr("to", "123@lid").attr("bad", "x1").attr("badjid", "4917:x@s.whatsapp.net")
            .build();

    @Test
    void typedReads() throws Exception {
        AttrReader attrs = node.attrs();
        assertEquals("abc", attrs.requireString("id"));
        assertEquals(1700000000L, attrs.requireLong("t"));
        assertEquals(7, attrs.requireInt("count"));
        assertTrue(attrs.requireBool("offline"));
        assertEquals(WaJid.phone("4917"), attrs.requireJid("from"));
        assertEquals(WaJid.lid("123"), attrs.requireJid("to"), "text JIDs are parsed");
        assertEquals("4917@s.whatsapp.net", attrs.requireString("from"));
    }

    @Test
    void optionalReads() throws Exception {
        AttrReader attrs = node.attrs();
        assertEquals(Optional.empty(), attrs.optString("missing"));
        assertEquals("d", attrs.optString("missing", "d"));
        assertEquals(5, attrs.optInt("missing", 5));
        assertFalse(attrs.optBool("missing", false));
        assertFalse(attrs.optLong("missing").isPresent());
        assertEquals(Optional.empty(), attrs.optJid("missing"));
        assertEquals(7, attrs.optInt("count", 0));
    }

    @Test
    void errorsNameTagAndKey() {
        AttrReader attrs = node.attrs();
        NodeAttributeException missing = assertThrows(NodeAttributeException.class, () -> attrs.requireString("type"));
        assertEquals("<iq> attribute 'type': missing", missing.getMessage());
        assertEquals("type", missing.key());
        assertThrows(NodeAttributeException.class, () -> attrs.requireInt("bad"));
        assertThrows(NodeAttributeException.class, () -> attrs.optInt("bad", 0), "present but malformed is an error");
        assertThrows(NodeAttributeException.class, () -> attrs.requireInt("t2"));
        assertThrows(NodeAttributeException.class, () -> Node.builder("x").attr("n", 1L << 40).build().attrs()
                .requireInt("n"));
        assertThrows(NodeAttributeException.class, () -> attrs.requireBool("id"));
        assertThrows(NodeAttributeException.class, () -> attrs.requireJid("badjid"));
    }

    @Test
    void nodeAccessors() {
        Node enc = Node.builder("enc").bytes(new byte[] {1, 2}).build();
        Node parent = Node.builder("message").child(enc).child(Node.of("meta")).child(Node.of("enc")).build();
        assertEquals(enc, parent.child("enc"));
        assertEquals(2, parent.children("enc").size());
        assertEquals(null, parent.child("nope"));
        byte[] copy = enc.contentBytes();
        copy[0] = 9;
        assertEquals(1, enc.contentBytes()[0], "byte content is immutable");
        assertEquals(2, enc.contentLength());
        assertTrue(enc.contentBuffer().isReadOnly());
        assertFalse(Node.builder("x").children().build().hasContent(), "empty child list = no content");
        assertEquals(parent, parent.toBuilder().build());
        assertEquals(3, parent.toBuilder().child(Node.of("x")).build().children().size() - 1);
    }
}
