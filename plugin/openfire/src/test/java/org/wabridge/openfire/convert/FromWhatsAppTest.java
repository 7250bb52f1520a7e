/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.dom4j.DocumentHelper;
import org.junit.jupiter.api.Test;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.Edit;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.MessageRef;
import org.wabridge.core.message.Octets;
import org.wabridge.core.message.Reaction;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.message.ReplyContext;
import org.wabridge.core.message.Revoke;
import org.wabridge.core.message.TextContent;
import org.wabridge.core.message.UnsupportedContent;
import org.wabridge.openfire.i18n.TestBundles;
import org.wabridge.openfire.id.InMemoryMessageIdMap;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/** WhatsApp content → XMPP stanzas, compared with the literal XML a client would receive. */
class FromWhatsAppTest {

    private static final JID ALICE = new JID("alice@example.org");
    private static final String CHAT = "491701234567@s.whatsapp.net";
    private static final Instant SENT = Instant.parse("2026-11-23T11:59:58.250Z");

    private final InMemoryMessageIdMap ids = new InMemoryMessageIdMap(100);
    private final FromWhatsAppContent content = new FromWhatsAppContent(TestBundles.english());

    private FromWhatsAppContext ctx(boolean delayed) {
        return new FromWhatsAppContext(ALICE, new JID("+491701234567@whatsapp.example.org"),
                new JID("whatsapp.example.org"), WaJid.phone("491701234567"), SENT, delayed, ids);
    }

    /** Canonical XML of a literal stanza, so expected and actual compare by text. */
    private static String xml(String literal) {
        try {
            return new Message(DocumentHelper.parseText(literal).getRootElement()).toXML();
        } catch (org.dom4j.DocumentException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static final String HEAD = "<message type='chat' from='+491701234567@whatsapp.example.org' "
            + "to='alice@example.org' id='3EB0AA'>";
    private static final String IDS = "<origin-id xmlns='urn:xmpp:sid:0' id='3EB0AA'/>"
            + "<stanza-id xmlns='urn:xmpp:sid:0' id='3EB0AA' by='whatsapp.example.org'/>";

    @Test
    void textGetsStableIdsReceiptRequestsAndIsRemembered() throws Exception {
        Message m = content.convert(TextContent.of("Hi Alice"), "3EB0AA", ctx(false));

        assertEquals(xml(HEAD + IDS + "<body>Hi Alice</body><request xmlns='urn:xmpp:receipts'/>"
                + "<markable xmlns='urn:xmpp:chat-markers:0'/></message>"), xml(m.toXML()));
        assertEquals(Optional.of(MessageRef.of(CHAT, false, "3EB0AA")), ids.findWhatsApp(ALICE, CHAT, "3EB0AA"));
    }

    @Test
    void queuedMessagesCarryADelay() throws Exception {
        Message m = content.convert(TextContent.of("late"), "3EB0AA", ctx(true));

        assertEquals(xml(HEAD + IDS + "<delay xmlns='urn:xmpp:delay' from='whatsapp.example.org' "
                + "stamp='2026-11-23T11:59:58.250Z'/><body>late</body><request xmlns='urn:xmpp:receipts'/>"
                + "<markable xmlns='urn:xmpp:chat-markers:0'/></message>"), xml(m.toXML()));
    }

    @Test
    void replyToTheUsersOwnMessageQuotesWithFallbackAndUsesItsXmppId() throws Exception {
        // Given Alice sent "Cake?" from XMPP with id 'alice-7', which WhatsApp knows as 3EB0MINE
        ids.put(ALICE, "alice-7", MessageRef.of(CHAT, true, "3EB0MINE"));
        ReplyContext quote = new ReplyContext("3EB0MINE", Optional.of("4930123456@s.whatsapp.net"), Optional.of(CHAT),
                Optional.of(TextContent.of("Cake?")));

        Message m = content.convert(new TextContent("Yes!", Optional.of(quote), List.of()), "3EB0AA", ctx(false));

        assertEquals(xml(HEAD + IDS + "<reply xmlns='urn:xmpp:reply:0' to='alice@example.org' id='alice-7'/>"
                + "<body>&gt; Cake?\nYes!</body>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'><body start='0' end='8'/></fallback>"
                + "<request xmlns='urn:xmpp:receipts'/><markable xmlns='urn:xmpp:chat-markers:0'/></message>"), xml(m.toXML()));
    }

    @Test
    void reactionEditAndRevokeNameTheTargetByItsXmppId() throws Exception {
        ids.put(ALICE, "alice-7", MessageRef.of(CHAT, true, "3EB0MINE"));
        // keys in the contact's payloads are written from the contact's side: Alice's message is fromMe=false
        MessageRef target = MessageRef.of(CHAT, false, "3EB0MINE");

        assertEquals(xml(HEAD + IDS + "<reactions xmlns='urn:xmpp:reactions:0' id='alice-7'>"
                + "<reaction>\u2764</reaction></reactions></message>"),
                xml(content.convert(new Reaction(target, "\u2764", OptionalLong.empty()), "3EB0AA", ctx(false)).toXML()));
        // the contact edits and revokes their own message (fromMe=true from their side), known by its WhatsApp id
        MessageRef theirs = MessageRef.of(CHAT, true, "3EB0OLD");
        assertEquals(xml(HEAD + IDS + "<body>typo fixed</body>"
                + "<replace xmlns='urn:xmpp:message-correct:0' id='3EB0OLD'/></message>"),
                xml(content.convert(new Edit(theirs, TextContent.of("typo fixed"), OptionalLong.empty()), "3EB0AA",
                        ctx(false)).toXML()));
        assertEquals(xml(HEAD + IDS + "<retract xmlns='urn:xmpp:message-retract:1' id='3EB0OLD'/>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:message-retract:1'><body/></fallback>"
                + "<body>This message was deleted.</body></message>"),
                xml(content.convert(new Revoke(theirs), "3EB0AA", ctx(false)).toXML()));
    }

    @Test
    void anEditOrRevokeOfTheUsersOwnMessageByTheContactChangesNothingAndSaysSo() {
        ids.put(ALICE, "alice-8", MessageRef.of(CHAT, true, "3EB0MINE"));
        MessageRef alices = MessageRef.of(CHAT, false, "3EB0MINE"); // written from the contact's side

        for (MessageContent forged : List.of(new Edit(alices, TextContent.of("you said yes"), OptionalLong.empty()),
                new Revoke(alices))) {
            Message m = content.convert(forged, "3EB0FF", ctx(false));

            assertNull(m.getChildElement("replace", "urn:xmpp:message-correct:0"));
            assertNull(m.getChildElement("retract", "urn:xmpp:message-retract:1"));
            assertTrue(m.getBody().contains("which WhatsApp does not allow"), m.getBody());
        }
    }

    @Test
    void unsupportedContentBecomesANoticeNotNothing() {
        Message m = content.convert(new UnsupportedContent("poll", Octets.of(new byte[] {1})), "3EB0AA", ctx(false));
        assertEquals("[This WhatsApp message type (poll) cannot be shown here yet.]", m.getBody());
    }

    @Test
    void receiptsBecomeReceivedOrDisplayedForEachMessage() throws Exception {
        ids.put(ALICE, "alice-7", MessageRef.of(CHAT, true, "3EB0MINE"));
        Receipt read = new Receipt(Receipt.Type.READ, CHAT, Optional.empty(), List.of("3EB0MINE", "3EB0NOTMAPPED"), SENT);

        List<Message> out = FromWhatsAppReceipt.convert(read, "r1", ctx(false));

        String head = "<message type='chat' from='+491701234567@whatsapp.example.org' "
                + "to='alice@example.org' id='r1-";
        assertEquals(List.of(xml(head + "0'><displayed xmlns='urn:xmpp:chat-markers:0' id='alice-7'/></message>"),
                xml(head + "1'><displayed xmlns='urn:xmpp:chat-markers:0' id='3EB0NOTMAPPED'/></message>")),
                out.stream().map(m -> xml(m.toXML())).collect(java.util.stream.Collectors.toList()));
        Receipt delivered = new Receipt(Receipt.Type.DELIVERED, CHAT, Optional.empty(), List.of("3EB0MINE"), SENT);
        assertEquals(xml(head + "0'><received xmlns='urn:xmpp:receipts' id='alice-7'/></message>"),
                xml(FromWhatsAppReceipt.convert(delivered, "r1", ctx(false)).get(0).toXML()));
    }

    @Test
    void typingBecomesAChatState() throws Exception {
        Message m = FromWhatsAppChatState.convert(new ChatState(CHAT, Optional.empty(), ChatState.State.COMPOSING, false),
                ctx(false));
        assertEquals(xml("<message type='chat' from='+491701234567@whatsapp.example.org' "
                + "to='alice@example.org'><composing xmlns='http://jabber.org/protocol/chatstates'/></message>"), xml(m.toXML()));
    }

    @Test
    void quotingPrefixesEveryLine() {
        assertEquals("> a\n> b\n", FromWhatsAppContent.quoteLines("a\nb"));
    }
}
