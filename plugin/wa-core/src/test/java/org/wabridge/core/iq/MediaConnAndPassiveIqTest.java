/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.StanzaException;
import org.wabridge.core.stanza.WireRoundTrip;

/** media_conn (whatsapp-protocol.md §7.4) and passive/active (§5.1), literal nodes. */
class MediaConnAndPassiveIqTest {

    @Test
    void mediaConnRequestAndResult() throws Exception {
        Node request = Node.builder("iq").attr("id", "m1").attr("xmlns", "w:m").attr("type", "set")
                .attr("to", WaJid.SERVER).child(Node.of("media_conn")).build();
        assertEquals(request, MediaConnIq.INSTANCE.toRequest("m1"));
        assertSame(MediaConnIq.INSTANCE, MediaConnIq.fromRequest(request));
        // §7.4: <media_conn auth ttl auth_ttl max_buckets><host hostname="mmg.whatsapp.net"/>…</media_conn>
        Node answer = Node.builder("iq").attr("id", "m1").attr("type", "result").attr("from", WaJid.SERVER)
                .child(Node.builder("media_conn").attr("auth", "AUTH").attr("ttl", "300").attr("auth_ttl", "21600")
                        .attr("max_buckets", "12").children(Node.builder("host").attr("hostname", "mmg.whatsapp.net")
                                .build(), Node.builder("host").attr("hostname", "mmg-fallback.whatsapp.net").build())
                        .build()).build();
        MediaConnIq.MediaConn conn = MediaConnIq.INSTANCE.parseResponse(WireRoundTrip.viaWire(answer));
        assertEquals("AUTH", conn.auth());
        assertEquals(300, conn.ttlSeconds());
        assertEquals(OptionalInt.of(21600), conn.authTtlSeconds());
        assertEquals(List.of("mmg.whatsapp.net", "mmg-fallback.whatsapp.net"), conn.hosts());
        assertEquals(answer, MediaConnIq.INSTANCE.toResult("m1", conn));
        assertFalse(conn.toString().contains("AUTH"));
    }

    @Test
    void mediaConnMalformed() {
        Node.Builder result = Node.builder("iq").attr("id", "m1").attr("type", "result");
        assertThrows(StanzaException.class, () -> MediaConnIq.INSTANCE.parseResponse(result.build()));
        assertThrows(StanzaException.class, () -> MediaConnIq.INSTANCE.parseResponse(result.child(
                Node.builder("media_conn").attr("auth", "a").attr("ttl", "1").build()).build()));
        assertThrows(StanzaException.class, () -> MediaConnIq.INSTANCE.parseResponse(Node.builder("iq").attr("id", "m")
                .attr("type", "result").child(Node.builder("media_conn").attr("ttl", "1").child(
                        Node.builder("host").attr("hostname", "h").build()).build()).build()));
    }

    @Test
    void passiveActive() throws Exception {
        // §5.1: <iq xmlns="passive" type="set" to="s.whatsapp.net"><active/></iq>
        Node expected = Node.builder("iq").attr("id", "p1").attr("xmlns", "passive").attr("type", "set")
                .attr("to", WaJid.SERVER).child(Node.of("active")).build();
        assertEquals(expected, PassiveIq.ACTIVE.toRequest("p1"));
        assertSame(PassiveIq.ACTIVE, PassiveIq.fromRequest(expected));
        assertSame(PassiveIq.PASSIVE, PassiveIq.fromRequest(PassiveIq.PASSIVE.toRequest("p2")));
        assertThrows(StanzaException.class, () -> PassiveIq.fromRequest(Node.builder("iq").attr("id", "p")
                .attr("xmlns", "passive").attr("type", "set").build()));
    }
}
