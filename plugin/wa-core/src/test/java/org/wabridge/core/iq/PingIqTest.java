/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.StanzaException;
import org.wabridge.core.stanza.WireRoundTrip;

/** Keepalive and the IQ envelope, literal nodes from whatsapp-protocol.md §2.8 and §9.2. */
class PingIqTest {

    @Test
    void requestIsLiteralPing() throws Exception {
        // §2.8: <iq id=… xmlns="w:p" type="get" to="s.whatsapp.net"/>
        Node expected = Node.builder("iq").attr("id", "1.2-3").attr("xmlns", "w:p").attr("type", "get")
                .attr("to", WaJid.SERVER).build();
        assertEquals(expected, PingIq.INSTANCE.toRequest("1.2-3"));
        assertSame(PingIq.INSTANCE, PingIq.fromRequest(WireRoundTrip.viaWire(expected)));
    }

    @Test
    void baileysPingChildIsAccepted() throws Exception {
        Node baileys = Node.builder("iq").attr("id", "b").attr("xmlns", "w:p").attr("type", "get")
                .attr("to", "s.whatsapp.net").child(Node.of("ping")).build();
        assertSame(PingIq.INSTANCE, PingIq.fromRequest(baileys));
    }

    @Test
    void resultIsLiteral() throws Exception {
        // §2.8: <iq type="result" id=<same> from="s.whatsapp.net"/>
        Node expected = Node.builder("iq").attr("id", "1.2-3").attr("type", "result").attr("from", WaJid.SERVER).build();
        assertEquals(expected, PingIq.INSTANCE.toResult("1.2-3", EmptyResult.INSTANCE));
        assertSame(EmptyResult.INSTANCE, PingIq.INSTANCE.parseResponse(WireRoundTrip.viaWire(expected)));
    }

    @Test
    void errorAnswerIsTyped() {
        // §9.2: <iq type="error"><error code text/></iq>
        Node error = Node.builder("iq").attr("id", "1").attr("type", "error").attr("from", WaJid.SERVER)
                .child(Node.builder("error").attr("code", "503").attr("text", "service-unavailable").build()).build();
        assertEquals(error, Iqs.error("1", IqError.UNAVAILABLE));
        IqErrorException e = assertThrows(IqErrorException.class, () -> PingIq.INSTANCE.parseResponse(error));
        assertEquals(503, e.code());
        assertEquals("service-unavailable", e.text());
    }

    @Test
    void malformedIsTyped() {
        assertThrows(StanzaException.class, () -> PingIq.INSTANCE.parseResponse(Node.of("iq")));
        assertThrows(StanzaException.class,
                () -> PingIq.INSTANCE.parseResponse(Node.builder("iq").attr("type", "get").build()));
        assertThrows(StanzaException.class, () -> PingIq.INSTANCE.parseResponse(Node.of("message")));
        assertThrows(StanzaException.class, () -> PingIq.fromRequest(
                Node.builder("iq").attr("id", "1").attr("xmlns", "encrypt").attr("type", "get").build()));
        assertThrows(StanzaException.class, () -> PingIq.fromRequest(
                Node.builder("iq").attr("xmlns", "w:p").attr("type", "get").build()));
        assertThrows(StanzaException.class, () -> PingIq.INSTANCE.parseResponse(Node.builder("iq").attr("type", "error")
                .child(Node.builder("error").attr("code", "x").build()).build()));
    }
}
