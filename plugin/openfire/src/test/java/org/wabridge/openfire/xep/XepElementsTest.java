/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wabridge.openfire.xep.Stanzas.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.wabridge.openfire.xep.xep0085.ChatStateElement;
import org.wabridge.openfire.xep.xep0184.ReceiptReceived;
import org.wabridge.openfire.xep.xep0184.ReceiptRequest;
import org.wabridge.openfire.xep.xep0203.Delay;
import org.wabridge.openfire.xep.xep0308.Replace;
import org.wabridge.openfire.xep.xep0333.ChatMarker;
import org.wabridge.openfire.xep.xep0333.Markable;
import org.wabridge.openfire.xep.xep0359.OriginId;
import org.wabridge.openfire.xep.xep0359.StanzaId;
import org.wabridge.openfire.xep.xep0424.Retract;
import org.wabridge.openfire.xep.xep0444.Reactions;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * Every element parsed from, and written as, the literal XML of its XEP's examples (adapted addresses).
 * Serialized forms are compared as text: dom4j writes double quotes and attributes in insertion order.
 */
class XepElementsTest {

    @Test
    void xep0184ReceiptRequestAndReceived() throws Exception {
        // Given the request and the answer of XEP-0184 §5 examples 1 and 2
        Message request = message("<message to='+491701234567@whatsapp.example.org' id='richard2-4.1.247'>"
                + "<body>My lord, dispatch</body><request xmlns='urn:xmpp:receipts'/></message>");
        Message answer = message("<message from='+491701234567@whatsapp.example.org' id='bi29sg183b4v'>"
                + "<received xmlns='urn:xmpp:receipts' id='richard2-4.1.247'/></message>");

        // Then
        assertTrue(ReceiptRequest.isIn(request));
        assertFalse(ReceiptRequest.isIn(answer));
        assertEquals(Optional.of(new ReceiptReceived("richard2-4.1.247")), ReceiptReceived.from(answer));
        assertEquals(Optional.empty(), ReceiptReceived.from(request));
        assertEquals("<request xmlns=\"urn:xmpp:receipts\"/>", ReceiptRequest.INSTANCE.toElement().asXML());
        assertEquals("<received xmlns=\"urn:xmpp:receipts\" id=\"richard2-4.1.247\"/>",
                new ReceiptReceived("richard2-4.1.247").toElement().asXML());
    }

    @Test
    void xep0184ReceivedWithoutIdIsMalformed() {
        Message bad = message("<message><received xmlns='urn:xmpp:receipts'/></message>");
        MalformedElementException e = assertThrows(MalformedElementException.class, () -> ReceiptReceived.from(bad));
        assertEquals("urn:xmpp:receipts", e.namespace());
    }

    @Test
    void xep0333MarkableAndMarkers() throws Exception {
        // Given XEP-0333 §4 examples: a markable message and a displayed marker
        Message markable = message("<message id='message-1'><body>sleeping</body>"
                + "<markable xmlns='urn:xmpp:chat-markers:0'/></message>");
        Message displayed = message("<message><displayed xmlns='urn:xmpp:chat-markers:0' id='message-1'/></message>");

        assertTrue(Markable.isIn(markable));
        assertEquals(Optional.of(new ChatMarker(ChatMarker.Type.DISPLAYED, "message-1")), ChatMarker.from(displayed));
        assertEquals(Optional.empty(), ChatMarker.from(markable));
        assertEquals("<markable xmlns=\"urn:xmpp:chat-markers:0\"/>", Markable.INSTANCE.toElement().asXML());
        assertEquals("<acknowledged xmlns=\"urn:xmpp:chat-markers:0\" id=\"m2\"/>",
                new ChatMarker(ChatMarker.Type.ACKNOWLEDGED, "m2").toElement().asXML());
    }

    @Test
    void xep0085ChatStates() {
        Message composing = message("<message type='chat'>"
                + "<composing xmlns='http://jabber.org/protocol/chatstates'/></message>");
        Message plain = message("<message type='chat'><body>hi</body></message>");

        assertEquals(Optional.of(ChatStateElement.COMPOSING), ChatStateElement.from(composing));
        assertEquals(Optional.empty(), ChatStateElement.from(plain));
        assertEquals("<paused xmlns=\"http://jabber.org/protocol/chatstates\"/>",
                ChatStateElement.PAUSED.toElement().asXML());
    }

    @Test
    void xep0308Replace() throws Exception {
        // XEP-0308 §4 example 2
        Message correction = message("<message id='good1'><body>But soft, what light through yonder window breaks?</body>"
                + "<replace id='bad1' xmlns='urn:xmpp:message-correct:0'/></message>");

        assertEquals(Optional.of(new Replace("bad1")), Replace.from(correction));
        assertEquals("<replace xmlns=\"urn:xmpp:message-correct:0\" id=\"bad1\"/>", new Replace("bad1").toElement().asXML());
        assertThrows(MalformedElementException.class,
                () -> Replace.from(message("<message><replace xmlns='urn:xmpp:message-correct:0' id=''/></message>")));
    }

    @Test
    void xep0424Retract() throws Exception {
        // XEP-0424 §4 example (version 0.4, namespace :1)
        Message retraction = message("<message type='chat' id='retract-message-1'>"
                + "<retract id='origin-id-1' xmlns='urn:xmpp:message-retract:1'/>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:message-retract:1'/>"
                + "<body>This person attempted to retract a previous message, but it's unsupported by your client.</body>"
                + "</message>");

        assertEquals(Optional.of(new Retract("origin-id-1")), Retract.from(retraction));
        assertEquals("<retract xmlns=\"urn:xmpp:message-retract:1\" id=\"origin-id-1\"/>",
                new Retract("origin-id-1").toElement().asXML());
    }

    @Test
    void xep0444ReactionsKeepOrderDropEmptyAndDuplicates() throws Exception {
        // XEP-0444 §3 example 1, plus an empty and a repeated reaction that the set semantics drop
        Message reactions = message("<message type='chat' id='reaction-1'>"
                + "<reactions id='744f6e18-a57a-11e9-a656-4889e7820c76' xmlns='urn:xmpp:reactions:0'>"
                + "<reaction>\uD83D\uDC4B</reaction><reaction>\uD83D\uDC22</reaction><reaction> </reaction>"
                + "<reaction>\uD83D\uDC4B</reaction></reactions></message>");
        Message removal = message("<message><reactions id='x' xmlns='urn:xmpp:reactions:0'/></message>");

        assertEquals(Optional.of(new Reactions("744f6e18-a57a-11e9-a656-4889e7820c76",
                List.of("\uD83D\uDC4B", "\uD83D\uDC22"))), Reactions.from(reactions));
        assertEquals(Optional.of(new Reactions("x", List.of())), Reactions.from(removal));
        assertEquals("<reactions xmlns=\"urn:xmpp:reactions:0\" id=\"m1\"><reaction>\uD83D\uDC4D</reaction></reactions>",
                new Reactions("m1", List.of("\uD83D\uDC4D")).toElement().asXML());
    }

    @Test
    void xep0359OriginAndStanzaIds() throws Exception {
        // XEP-0359 §3 and §4 examples
        Message m = message("<message><body>hi</body>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' id='5f3dbc5e-e1d3-4077-a492-693f3769c7ad' by='room@muc.xmpp.org'/>"
                + "<origin-id xmlns='urn:xmpp:sid:0' id='de305d54-75b4-431b-adb2-eb6b9e546013'/></message>");

        assertEquals(Optional.of(new OriginId("de305d54-75b4-431b-adb2-eb6b9e546013")), OriginId.from(m));
        assertEquals(List.of(new StanzaId("5f3dbc5e-e1d3-4077-a492-693f3769c7ad", new JID("room@muc.xmpp.org"))),
                StanzaId.allFrom(m));
        assertEquals("<stanza-id xmlns=\"urn:xmpp:sid:0\" id=\"3EB0\" by=\"whatsapp.example.org\"/>",
                new StanzaId("3EB0", new JID("whatsapp.example.org")).toElement().asXML());
        assertEquals("<origin-id xmlns=\"urn:xmpp:sid:0\" id=\"3EB0\"/>", new OriginId("3EB0").toElement().asXML());
        assertThrows(MalformedElementException.class,
                () -> StanzaId.allFrom(message("<message><stanza-id xmlns='urn:xmpp:sid:0' id='a'/></message>")));
    }

    @Test
    void xep0203DelayParsesOffsetsAndWritesUtc() throws Exception {
        // XEP-0203 §4 example 1, and the same instant written with an offset
        Message m = message("<message><body>hi</body>"
                + "<delay xmlns='urn:xmpp:delay' from='capulet.com' stamp='2002-09-10T23:08:25Z'/></message>");
        Message offset = message("<message><delay xmlns='urn:xmpp:delay' stamp='2002-09-11T01:08:25+02:00'/></message>");

        Instant when = Instant.parse("2002-09-10T23:08:25Z");
        assertEquals(Optional.of(new Delay(when, Optional.of(new JID("capulet.com")))), Delay.from(m));
        assertEquals(when, Delay.from(offset).orElseThrow().stamp());
        assertEquals("<delay xmlns=\"urn:xmpp:delay\" from=\"whatsapp.example.org\" stamp=\"2002-09-10T23:08:25.120Z\"/>",
                new Delay(Instant.parse("2002-09-10T23:08:25.120999Z"), Optional.of(new JID("whatsapp.example.org")))
                        .toElement().asXML());
        assertThrows(MalformedElementException.class,
                () -> Delay.from(message("<message><delay xmlns='urn:xmpp:delay' stamp='yesterday'/></message>")));
    }
}
