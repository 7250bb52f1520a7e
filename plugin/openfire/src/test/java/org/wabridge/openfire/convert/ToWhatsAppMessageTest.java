/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wabridge.openfire.xep.Stanzas.message;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.Edit;
import org.wabridge.core.message.MessageRef;
import org.wabridge.core.message.Reaction;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.message.ReplyContext;
import org.wabridge.core.message.Revoke;
import org.wabridge.core.message.TextContent;
import org.wabridge.core.message.WaPayload;
import org.wabridge.openfire.id.InMemoryMessageIdMap;
import org.xmpp.packet.JID;

/** XMPP stanzas as clients send them (literal XML) → the WhatsApp payloads. */
class ToWhatsAppMessageTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String CHAT = "491701234567@s.whatsapp.net";
    private static final MessageRef MINE = MessageRef.of(CHAT, true, "3EB0MINE");
    private static final MessageRef THEIRS = MessageRef.of(CHAT, false, "3EB0THEIRS");

    private final InMemoryMessageIdMap ids = new InMemoryMessageIdMap(100);
    private final ToWhatsAppContext ctx = new ToWhatsAppContext(new JID("alice@example.org/phone"),
            WaJid.phone("4930123456"), WaJid.phone("491701234567"), ids);
    private final ToWhatsAppMessage converter = new ToWhatsAppMessage(Clock.fixed(NOW, ZoneOffset.UTC));

    ToWhatsAppMessageTest() {
        ids.put(new JID("alice@example.org"), "my-1", MINE);
        ids.put(new JID("alice@example.org"), "their-1", THEIRS);
    }

    private List<WaPayload> convert(String xml) throws ConversionException {
        return converter.convert(message(xml), ctx);
    }

    @Test
    void plainBodyWithActiveStateIsJustText() throws Exception {
        assertEquals(List.of(TextContent.of("Hello \uD83D\uDC4B")), convert("<message type='chat' id='m1'>"
                + "<body>Hello \uD83D\uDC4B</body><active xmlns='http://jabber.org/protocol/chatstates'/>"
                + "<request xmlns='urn:xmpp:receipts'/></message>"));
    }

    @Test
    void replyDropsTheQuoteFallbackAndQuotesTheContactsMessage() throws Exception {
        List<WaPayload> out = convert("<message type='chat' id='m2'>"
                + "<body>&gt; Cake?\nYes!</body>"
                + "<reply to='+491701234567@whatsapp.example.org' id='their-1' xmlns='urn:xmpp:reply:0'/>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'><body start='0' end='8'/></fallback>"
                + "</message>");

        ReplyContext expected = new ReplyContext("3EB0THEIRS", Optional.of(CHAT), Optional.of(CHAT), Optional.empty());
        assertEquals(List.of(new TextContent("Yes!", Optional.of(expected), List.of())), out);
    }

    @Test
    void replyToAnUnknownMessageKeepsTheWholeBody() throws Exception {
        assertEquals(List.of(TextContent.of("> Cake?\nYes!")), convert("<message type='chat'><body>&gt; Cake?\nYes!</body>"
                + "<reply id='nobody-knows' xmlns='urn:xmpp:reply:0'/>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'><body start='0' end='8'/></fallback>"
                + "</message>"));
    }

    @Test
    void correctionOfOwnMessageIsAnEdit() throws Exception {
        assertEquals(List.of(new Edit(MINE, TextContent.of("fixed"), OptionalLong.empty())),
                convert("<message type='chat' id='m3'><body>fixed</body>"
                        + "<replace id='my-1' xmlns='urn:xmpp:message-correct:0'/></message>"));
    }

    @Test
    void correctionsOfOthersOrUnknownOrEmptyAreRefusedWithTheirReason() {
        assertEquals(ConversionException.Reason.NOT_OWN_MESSAGE, assertThrows(ConversionException.class,
                () -> convert("<message><body>x</body><replace id='their-1' xmlns='urn:xmpp:message-correct:0'/></message>"))
                .reason());
        assertEquals(ConversionException.Reason.UNKNOWN_MESSAGE, assertThrows(ConversionException.class,
                () -> convert("<message><body>x</body><replace id='gone' xmlns='urn:xmpp:message-correct:0'/></message>"))
                .reason());
        assertEquals(ConversionException.Reason.EMPTY, assertThrows(ConversionException.class,
                () -> convert("<message><replace id='my-1' xmlns='urn:xmpp:message-correct:0'/></message>")).reason());
    }

    @Test
    void retractionIsARevokeAndItsFallbackBodyIsNotSent() throws Exception {
        assertEquals(List.of(new Revoke(MINE)), convert("<message type='chat'>"
                + "<retract id='my-1' xmlns='urn:xmpp:message-retract:1'/>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:message-retract:1'/>"
                + "<body>This person attempted to retract a previous message</body></message>"));
    }

    @Test
    void aBodyThatIsOnlyAFallbackForAnExtensionWhatsAppCannotShowIsRefusedNotSentAsText() throws Exception {
        // an old-style retraction (message-retract:0 inside fasten:0), as older clients send it
        ConversionException e = assertThrows(ConversionException.class, () -> convert("<message type='chat'>"
                + "<apply-to xmlns='urn:xmpp:fasten:0' id='my-1'><retract xmlns='urn:xmpp:message-retract:0'/>"
                + "</apply-to><fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:message-retract:0'/>"
                + "<body>This person attempted to retract a previous message</body></message>"));
        assertEquals(ConversionException.Reason.EMPTY, e.reason());
        // a marker for another extension that covers only part of the body: the rest is sent
        assertEquals(List.of(TextContent.of("see you")), convert("<message type='chat'><body>[poll] see you</body>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:example:poll'><body start='0' end='7'/>"
                + "</fallback></message>"));
        // with a reply too, both markers' offsets count in the body as sent
        TextContent reply = (TextContent) convert("<message type='chat'><body>&gt; quoted\n[poll] hi</body>"
                + "<reply xmlns='urn:xmpp:reply:0' id='their-1'/>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'><body start='0' end='9'/></fallback>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:example:poll'><body start='9' end='16'/>"
                + "</fallback></message>").get(0);
        assertEquals("hi", reply.body());
    }

    @Test
    void oneReactionIsForwardedAnEmptySetRemovesAndTwoAreRefused() throws Exception {
        long ms = NOW.toEpochMilli();
        assertEquals(List.of(new Reaction(THEIRS, "\uD83D\uDC4D", OptionalLong.of(ms))), convert("<message type='chat'>"
                + "<reactions id='their-1' xmlns='urn:xmpp:reactions:0'><reaction>\uD83D\uDC4D</reaction></reactions>"
                + "</message>"));
        assertEquals(List.of(new Reaction(THEIRS, "", OptionalLong.of(ms))),
                convert("<message><reactions id='their-1' xmlns='urn:xmpp:reactions:0'/></message>"));
        assertEquals(ConversionException.Reason.TOO_MANY_REACTIONS, assertThrows(ConversionException.class,
                () -> convert("<message><reactions id='their-1' xmlns='urn:xmpp:reactions:0'>"
                        + "<reaction>a</reaction><reaction>b</reaction></reactions></message>")).reason());
    }

    @Test
    void chatStatesBecomeTyping() throws Exception {
        assertEquals(List.of(new ChatState(CHAT, Optional.empty(), ChatState.State.COMPOSING, false)),
                convert("<message type='chat'><composing xmlns='http://jabber.org/protocol/chatstates'/></message>"));
        assertEquals(List.of(new ChatState(CHAT, Optional.empty(), ChatState.State.PAUSED, false)),
                convert("<message type='chat'><inactive xmlns='http://jabber.org/protocol/chatstates'/></message>"));
    }

    @Test
    void receiptsAndMarkersForTheContactsMessagesBecomeWhatsAppReceipts() throws Exception {
        assertEquals(List.of(new Receipt(Receipt.Type.DELIVERED, CHAT, Optional.empty(), List.of("3EB0THEIRS"), NOW)),
                convert("<message><received xmlns='urn:xmpp:receipts' id='their-1'/></message>"));
        assertEquals(List.of(new Receipt(Receipt.Type.READ, CHAT, Optional.empty(), List.of("3EB0THEIRS"), NOW)),
                convert("<message><displayed xmlns='urn:xmpp:chat-markers:0' id='their-1'/></message>"));
        // a marker for the user's own message or an unknown one has nothing to tell WhatsApp
        assertEquals(List.of(), convert("<message><displayed xmlns='urn:xmpp:chat-markers:0' id='my-1'/></message>"));
        assertEquals(List.of(), convert("<message><received xmlns='urn:xmpp:receipts' id='zzz'/></message>"));
    }

    @Test
    void oversizedAndMalformedInputIsRefused() {
        String huge = "x".repeat(ToWhatsAppText.MAX_BODY_CHARS + 1);
        assertEquals(ConversionException.Reason.TOO_LARGE, assertThrows(ConversionException.class,
                () -> convert("<message><body>" + huge + "</body></message>")).reason());
        assertEquals(ConversionException.Reason.MALFORMED, assertThrows(ConversionException.class,
                () -> convert("<message><retract xmlns='urn:xmpp:message-retract:1'/></message>")).reason());
    }

    @Test
    void idsFromAnotherChatDoNotResolve() {
        ids.put(new JID("alice@example.org"), "elsewhere", MessageRef.of("4915112345678@s.whatsapp.net", true, "X"));
        assertEquals(ConversionException.Reason.UNKNOWN_MESSAGE, assertThrows(ConversionException.class,
                () -> convert("<message><retract id='elsewhere' xmlns='urn:xmpp:message-retract:1'/></message>")).reason());
    }
}
