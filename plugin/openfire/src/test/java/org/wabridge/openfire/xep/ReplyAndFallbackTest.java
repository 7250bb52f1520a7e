/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wabridge.openfire.xep.Stanzas.message;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.wabridge.openfire.xep.xep0428.Fallback;
import org.wabridge.openfire.xep.xep0461.Reply;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/** XEP-0461 replies with their XEP-0428 fallback, from the literal XML of the XEPs' examples. */
class ReplyAndFallbackTest {

    // XEP-0461 §2.1 example 2 (quote fallback); the fallback covers "> Anna wrote:\n> We should bake a cake\n"
    private static final String QUOTED = "<message to='anna@example.com' id='message-id2' type='chat'>"
            + "<body>&gt; Anna wrote:\n&gt; We should bake a cake\nGreat idea!</body>"
            + "<reply to='anna@example.com/laptop' id='message-id1' xmlns='urn:xmpp:reply:0'/>"
            + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'><body start='0' end='38'/></fallback>"
            + "</message>";

    @Test
    void parsesReplyAndStripsTheQuoteFallback() throws Exception {
        Message m = message(QUOTED);

        assertEquals(Optional.of(new Reply(Optional.of(new JID("anna@example.com/laptop")), "message-id1")), Reply.from(m));
        Fallback fallback = Fallback.from(m, Reply.NAMESPACE).orElseThrow();
        assertEquals(List.of(Fallback.Range.of(0, 38)), fallback.bodyRanges());
        assertEquals("Great idea!", fallback.strip(m.getBody()));
    }

    @Test
    void offsetsCountCodePointsNotUtf16Units() throws Exception {
        // Given a two-code-point fallback made of emoji (four UTF-16 units)
        Message m = message("<message><body>\uD83C\uDF82\uD83C\uDF70cake</body>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'><body start='0' end='2'/></fallback></message>");

        assertEquals("cake", Fallback.from(m, Reply.NAMESPACE).orElseThrow().strip(m.getBody()));
    }

    @Test
    void fallbackForAnotherNamespaceIsNotTheReplyFallback() throws Exception {
        Message m = message("<message><body>x</body>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:message-retract:1'/></message>");

        assertEquals(Optional.empty(), Fallback.from(m, Reply.NAMESPACE));
        assertEquals("", Fallback.from(m, "urn:xmpp:message-retract:1").orElseThrow().strip("x"),
                "a fallback without <body/> child covers the whole body");
    }

    @Test
    void writesReplyAndFallbackAsInTheXep() {
        assertEquals("<reply xmlns=\"urn:xmpp:reply:0\" to=\"+491701234567@whatsapp.example.org\" id=\"3EB0\"/>",
                new Reply(Optional.of(new JID("+491701234567@whatsapp.example.org")), "3EB0").toElement().asXML());
        assertEquals("<fallback xmlns=\"urn:xmpp:fallback:0\" for=\"urn:xmpp:reply:0\"><body start=\"0\" end=\"12\"/></fallback>",
                new Fallback(Reply.NAMESPACE, List.of(Fallback.Range.of(0, 12))).toElement().asXML());
    }

    @Test
    void rejectsBrokenRangesAndReplyWithoutId() {
        assertThrows(MalformedElementException.class, () -> Fallback.from(message("<message><body>x</body>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'><body start='5' end='2'/></fallback></message>"),
                Reply.NAMESPACE));
        assertThrows(MalformedElementException.class, () -> Fallback.from(message("<message><body>x</body>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'><body start='a' end='2'/></fallback></message>"),
                Reply.NAMESPACE));
        assertThrows(MalformedElementException.class,
                () -> Reply.from(message("<message><reply xmlns='urn:xmpp:reply:0' to='a@b'/></message>")));
    }
}
