/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.util.JiveGlobals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.wabridge.openfire.testing.EmulatorBridge;
import org.wabridge.openfire.testing.OpenfireExtension;
import org.wabridge.openfire.testing.OpenfireServer;
import org.wabridge.openfire.testing.WhatsAppSideControl;

/**
 * The real thing end to end: Smack users on a real Openfire 4.2.0, the plugin with its real engine
 * (EngineAccountFactory: JWT from the plugin's provider keys, JDBC Signal stores, NIO transport), and a real
 * in-process WhatsApp emulator that fetches the plugin's own JWKS from {@code /whatsapp/jwks.json}; the WhatsApp
 * contact is a simulated user on a second engine with consumer credentials. The plugin is pointed at the
 * emulator only through its settings, as an administrator would. Runs after {@link GatewayMessagingIT} (whose
 * scripted engine the endpoint setting replaces) and before {@link WhatsAppPluginIT}; its last step unloads and
 * reloads the plugin, which the WhatsApp side of {@link EmulatorBridge} outlives.
 */
@ExtendWith(OpenfireExtension.class)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineEndToEndIT {

    private static final String GATEWAY = EmulatorBridge.GATEWAY;
    private static final String ISSUER = "https://xmpp.example.org";
    private static final String AUDIENCE = "whatsapp-interop-test";
    private static final String USER = "wendy";
    private static final String CAROL = "447700900123";
    private static final String DAVE = "33612345678";
    private static final Duration WAIT = EmulatorBridge.WAIT;

    private static EmulatorBridge bridge;
    private static WhatsAppSideControl whatsApp;
    private static XMPPTCPConnection wendy;
    private static Jid carol;
    private static String wendyOnWhatsApp;
    private static final BlockingQueue<Message> fromCarol = new LinkedBlockingQueue<>();
    /** Every message stanza from the contact (receipts, markers, chat states included), in order. */
    private static final List<Message> allFromCarol = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final StanzaListener COLLECT = stanza -> {
        allFromCarol.add((Message) stanza);
        if (((Message) stanza).getBody() != null) {
            fromCarol.add((Message) stanza);
        }
    };

    @BeforeAll
    static void pointThePluginAtAnEmulatorAndRegister(OpenfireServer server) throws Exception {
        bridge = EmulatorBridge.start(server, ISSUER, AUDIENCE);
        whatsApp = bridge.whatsApp();
        whatsApp.addUser(CAROL, true);
        whatsApp.addUser(DAVE, false);
        carol = JidCreate.from("+" + CAROL + "@" + GATEWAY);
        EmulatorBridge.register(server, USER, "+44 20 7946 0958");
        wendy = login(server);
        wendyOnWhatsApp = whatsApp.interopJid(USER);
    }

    @AfterAll
    static void tearDown() throws Exception {
        try {
            if (wendy != null) {
                wendy.disconnect();
            }
        } finally {
            if (bridge != null) {
                bridge.close();
            }
        }
    }

    /** The id of the first message carol sent (step 2), which wendy never marked as displayed. */
    private static String firstFromCarol;

    private static XMPPTCPConnection login(OpenfireServer server) throws Exception {
        return server.connect(USER, c -> c.addAsyncStanzaListener(COLLECT,
                new AndFilter(FromMatchesFilter.createBare(carol), StanzaTypeFilter.MESSAGE)));
    }

    private static Message chat(Jid to, String body) {
        return wendy.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat).setBody(body).build();
    }

    private static String awaitEvent(String phone, Predicate<String> match) {
        return bridge.awaitEvent(phone, match);
    }

    private static boolean gatewaySaysOnline() {
        return EmulatorBridge.gatewaySaysOnline(wendy);
    }

    private static Message nextFromCarol() throws InterruptedException {
        Message m = fromCarol.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(m, "nothing arrived from the WhatsApp contact; all: " + allFromCarol.stream()
                .map(x -> x.toXML().toString()).collect(java.util.stream.Collectors.toList()));
        return m;
    }

    @Test
    @Order(1)
    void loggingInOpensTheEngineSessionAtTheEmulator() {
        assertTrue(OpenfireServer.waitUntil(WAIT, () -> whatsApp.bridgedOnline(USER)),
                "the bridged user's engine did not log in to the emulator");
        assertTrue(gatewaySaysOnline(), "the gateway's presence never said online");
    }

    @Test
    @Order(2)
    void aMessageGoesFromXmppToWhatsAppAndTheAnswerComesBack() throws Exception {
        wendy.sendStanza(chat(carol, "hello carol, from xmpp"));

        String received = awaitEvent(CAROL, e -> e.startsWith("text|") && e.endsWith("|hello carol, from xmpp"));
        assertEquals(wendyOnWhatsApp, received.split("\\|")[2], "the chat is wendy's interop address");

        String id = whatsApp.sendText(CAROL, wendyOnWhatsApp, "hi wendy, from whatsapp");
        firstFromCarol = id;
        Message m = nextFromCarol();
        assertEquals("hi wendy, from whatsapp", m.getBody());
        assertTrue(m.toXML().toString().contains(id), "the WhatsApp message id is the stanza id: " + m.toXML());
    }

    @Test
    @Order(3)
    void deliveryReceiptsAndReadMarkersFlowBothWays() throws Exception {
        // XMPP → WhatsApp, then WhatsApp's delivered/read come back as XEP-0184 and XEP-0333
        Message out = raw(carol, "x-receipt-1", "please confirm", ext("request", "urn:xmpp:receipts"),
                ext("markable", "urn:xmpp:chat-markers:0"));
        wendy.sendStanza(out);
        String waId = awaitEvent(CAROL, e -> e.startsWith("text|") && e.endsWith("|please confirm")).split("\\|")[1];
        assertTrue(awaitStanza(m -> xml(m).contains("urn:xmpp:receipts") && xml(m).contains("x-receipt-1")),
                "no XEP-0184 receipt for the delivered message");
        whatsApp.sendRead(CAROL, wendyOnWhatsApp, List.of(waId));
        assertTrue(awaitStanza(m -> xml(m).contains("displayed") && xml(m).contains("x-receipt-1")),
                "no XEP-0333 displayed marker for the read message");

        // WhatsApp → XMPP: the handoff makes the delivery receipt, a displayed marker the read receipt
        String fromCarol = whatsApp.sendText(CAROL, wendyOnWhatsApp, "did you read this?");
        assertEquals("did you read this?", nextFromCarol().getBody());
        awaitEvent(CAROL, e -> e.startsWith("receipt|DELIVERED|") && e.endsWith(fromCarol));
        wendy.sendStanza(raw(carol, "x-marker-1", null,
                ext("displayed", "urn:xmpp:chat-markers:0", "id", fromCarol)));
        // one marker stands for every earlier message too (XEP-0333 §4): the unread one of step 2 is read now
        String read = awaitEvent(CAROL, e -> e.startsWith("receipt|READ|")
                && List.of(e.split("\\|")[3].split(",")).contains(fromCarol));
        assertEquals(List.of(fromCarol, firstFromCarol), List.of(read.split("\\|")[3].split(",")), read);
    }

    @Test
    @Order(4)
    void typingFlowsBothWays() throws Exception {
        wendy.sendStanza(raw(carol, "x-typing-1", null, ext("composing", "http://jabber.org/protocol/chatstates")));
        awaitEvent(CAROL, e -> e.equals("chatstate|" + wendyOnWhatsApp + "|COMPOSING"));

        whatsApp.sendTyping(CAROL, wendyOnWhatsApp, true);
        assertTrue(awaitStanza(m -> xml(m).contains("composing") && m.getBody() == null),
                "no XEP-0085 composing from the WhatsApp contact");
    }

    @Test
    @Order(5)
    void editRetractionReactionAndReplyFromXmppReachWhatsApp() throws Exception {
        wendy.sendStanza(raw(carol, "x-edit-1", "teh typo", new org.jivesoftware.smack.packet.ExtensionElement[0]));
        String waId = awaitEvent(CAROL, e -> e.startsWith("text|") && e.endsWith("|teh typo")).split("\\|")[1];

        wendy.sendStanza(raw(carol, "x-edit-2", "the typo", ext("replace", "urn:xmpp:message-correct:0",
                "id", "x-edit-1")));
        awaitEvent(CAROL, e -> e.equals("edit|" + waId + "|the typo"));

        String carols = whatsApp.sendText(CAROL, wendyOnWhatsApp, "react to me");
        assertEquals("react to me", nextFromCarol().getBody());
        wendy.sendStanza(raw(carol, "x-react-1", null, reactions(carols, "\uD83D\uDC4D")));
        awaitEvent(CAROL, e -> e.equals("reaction|" + carols + "|\uD83D\uDC4D"));

        wendy.sendStanza(raw(carol, "x-reply-1", "my answer", ext("reply", "urn:xmpp:reply:0", "id", carols,
                "to", carol.toString())));
        awaitEvent(CAROL, e -> e.startsWith("reply|") && e.endsWith("|" + carols + "|my answer"));

        wendy.sendStanza(raw(carol, "x-retract-1", "retracted", ext("retract", "urn:xmpp:message-retract:1",
                "id", "x-edit-1")));
        awaitEvent(CAROL, e -> e.equals("revoke|" + waId));
    }

    @Test
    @Order(6)
    void editRetractionReactionAndReplyFromWhatsAppReachXmpp() throws Exception {
        String original = whatsApp.sendText(CAROL, wendyOnWhatsApp, "helo");
        assertEquals("helo", nextFromCarol().getBody());
        whatsApp.sendEdit(CAROL, wendyOnWhatsApp, original, "hello");
        Message edit = nextFromCarol();
        assertTrue(xml(edit).contains("urn:xmpp:message-correct:0") && xml(edit).contains(original), xml(edit));
        assertEquals("hello", edit.getBody());

        wendy.sendStanza(raw(carol, "x-mine-1", "something to react to",
                new org.jivesoftware.smack.packet.ExtensionElement[0]));
        String mine = awaitEvent(CAROL, e -> e.endsWith("|something to react to")).split("\\|")[1];
        whatsApp.sendReaction(CAROL, wendyOnWhatsApp, mine, false, "\u2764");
        assertTrue(awaitStanza(m -> xml(m).contains("urn:xmpp:reactions:0") && xml(m).contains("x-mine-1")),
                "no XEP-0444 reaction naming wendy's own stanza id");

        whatsApp.sendReply(CAROL, wendyOnWhatsApp, mine, wendyOnWhatsApp, "replying to you");
        Message reply = nextFromCarol();
        assertTrue(xml(reply).contains("urn:xmpp:reply:0") && xml(reply).contains("x-mine-1"), xml(reply));
        assertTrue(reply.getBody().endsWith("replying to you"), reply.getBody());

        whatsApp.sendRevoke(CAROL, wendyOnWhatsApp, original);
        assertTrue(awaitStanza(m -> xml(m).contains("urn:xmpp:message-retract:1") && xml(m).contains(original)),
                "no XEP-0424 retraction");
    }

    @Test
    @Order(7)
    void aRecipientWhoDidNotOptInGivesAnErrorWithText() throws Exception {
        Jid dave = JidCreate.from("+" + DAVE + "@" + GATEWAY);
        org.jivesoftware.smack.StanzaCollector errors = wendy.createStanzaCollector(
                new AndFilter(MessageTypeFilter.ERROR, FromMatchesFilter.createBare(dave)));
        try {
            wendy.sendStanza(chat(dave, "are you on whatsapp?"));
            Message bounce = errors.nextResult(WAIT.toMillis());
            assertNotNull(bounce, "no error came back");
            String text = bounce.getError().getDescriptiveText();
            assertTrue(text != null && text.contains("third-party apps"), String.valueOf(text));
        } finally {
            errors.cancel();
        }
        assertTrue(whatsApp.events(DAVE).isEmpty(), "dave received " + whatsApp.events(DAVE));
    }

    @Test
    @Order(8)
    void whileOfflineAWhatsAppMessageWaitsAndArrivesOnceAtLogin(OpenfireServer server) throws Exception {
        wendy.disconnect();
        assertTrue(OpenfireServer.waitUntil(WAIT, () -> !whatsApp.bridgedOnline(USER)),
                "follow-client: the WhatsApp session did not close when wendy left");
        whatsApp.sendText(CAROL, wendyOnWhatsApp, "sent while you were away 1");
        whatsApp.sendText(CAROL, wendyOnWhatsApp, "sent while you were away 2");
        String away = whatsApp.sendText(CAROL, wendyOnWhatsApp, "sent while you were away 3");
        fromCarol.clear();

        wendy = login(server);
        for (int i = 1; i <= 3; i++) {
            Message m = nextFromCarol();
            assertEquals("sent while you were away " + i, m.getBody(), "in the order sent");
            assertTrue(xml(m).contains("urn:xmpp:delay"), "waited in WhatsApp's queue: XEP-0203 delay " + xml(m));
        }
        assertTrue(gatewaySaysOnline());
        whatsApp.sendText(CAROL, wendyOnWhatsApp, "sentinel after the offline message");
        // one contact's messages arrive in order: a second copy would come before the sentinel
        assertEquals("sentinel after the offline message", nextFromCarol().getBody());
        awaitEvent(CAROL, e -> e.startsWith("receipt|DELIVERED|") && e.endsWith(away));
    }

    @Test
    @Order(9)
    void reWiringTheEngineMidConversationLosesAndDuplicatesNothing() throws Exception {
        fromCarol.clear();
        whatsApp.sendText(CAROL, wendyOnWhatsApp, "before the switch");
        assertEquals("before the switch", nextFromCarol().getBody());

        // a changed endpoint makes a new factory: every session closes and reopens on a new engine
        String endpoint = JiveGlobals.getProperty("plugin.whatsapp.endpoint");
        JiveGlobals.setProperty("plugin.whatsapp.endpoint", "localhost" + endpoint.substring(endpoint.indexOf(':')));
        whatsApp.sendText(CAROL, wendyOnWhatsApp, "during the switch 1");
        whatsApp.sendText(CAROL, wendyOnWhatsApp, "during the switch 2");
        assertTrue(gatewaySaysOnline(), "the session did not come back after the switch");

        assertEquals("during the switch 1", nextFromCarol().getBody());
        assertEquals("during the switch 2", nextFromCarol().getBody());
        whatsApp.sendText(CAROL, wendyOnWhatsApp, "after the switch");
        assertEquals("after the switch", nextFromCarol().getBody());

        wendy.sendStanza(chat(carol, "still here after the switch"));
        awaitEvent(CAROL, e -> e.endsWith("|still here after the switch"));
        assertEquals(1, whatsApp.events(CAROL).stream().filter(e -> e.endsWith("|still here after the switch"))
                .count());
    }

    @Test
    @Order(10)
    void aSecondClientOfTheUserSeesBothSidesOfTheConversation(OpenfireServer server) throws Exception {
        List<Message> onTablet = new java.util.concurrent.CopyOnWriteArrayList<>();
        enableCarbons(wendy);
        XMPPTCPConnection tablet = server.connect(USER, "tablet",
                c -> c.addAsyncStanzaListener(s -> onTablet.add((Message) s), StanzaTypeFilter.MESSAGE));
        try {
            enableCarbons(tablet);
            fromCarol.clear();

            // WhatsApp → XMPP: the laptop gets the message, the tablet too (directly or as a received carbon)
            whatsApp.sendText(CAROL, wendyOnWhatsApp, "for both of your clients");
            assertEquals("for both of your clients", nextFromCarol().getBody());
            assertTrue(OpenfireServer.waitUntil(WAIT, () -> onTablet.stream()
                    .anyMatch(m -> xml(m).contains("for both of your clients"))), "the tablet did not see it");

            // XMPP → WhatsApp from the laptop: the tablet gets a sent carbon, WhatsApp gets it once
            wendy.sendStanza(chat(carol, "typed on the laptop"));
            awaitEvent(CAROL, e -> e.endsWith("|typed on the laptop"));
            assertTrue(OpenfireServer.waitUntil(WAIT, () -> onTablet.stream().anyMatch(m -> xml(m)
                    .contains("urn:xmpp:carbons:2") && xml(m).contains("typed on the laptop"))),
                    "no sent carbon on the tablet: " + onTablet.stream().map(EngineEndToEndIT::xml)
                            .collect(java.util.stream.Collectors.toList()));

            // and from the tablet, answered on WhatsApp: the laptop sees the answer too
            tablet.sendStanza(tablet.getStanzaFactory().buildMessageStanza().to(carol).ofType(Message.Type.chat)
                    .setBody("typed on the tablet").build());
            awaitEvent(CAROL, e -> e.endsWith("|typed on the tablet"));
            assertEquals(1, whatsApp.events(CAROL).stream().filter(e -> e.endsWith("|typed on the tablet"))
                    .count());
        } finally {
            tablet.disconnect();
        }
        // one client left: the session stays
        assertTrue(whatsApp.bridgedOnline(USER), "the session closed although the laptop is still online");
    }

    @Test
    @Order(11)
    void restartingThePluginMidConversationLosesAndDuplicatesNothing(OpenfireServer server) throws Exception {
        fromCarol.clear();
        whatsApp.sendText(CAROL, wendyOnWhatsApp, "before the restart");
        assertEquals("before the restart", nextFromCarol().getBody());

        server.deletePluginJar();
        assertTrue(server.awaitPluginUnloaded(), "the plugin did not unload");
        assertTrue(OpenfireServer.waitUntil(WAIT, () -> !whatsApp.bridgedOnline(USER)),
                "the WhatsApp session outlived the plugin");
        whatsApp.sendText(CAROL, wendyOnWhatsApp, "during the restart 1");
        whatsApp.sendText(CAROL, wendyOnWhatsApp, "during the restart 2");

        server.copyPluginJar();
        assertTrue(server.awaitPluginLoaded(), "the plugin did not load again");
        assertTrue(gatewaySaysOnline(), "the session did not come back for the user still online");
        assertEquals("during the restart 1", nextFromCarol().getBody());
        assertEquals("during the restart 2", nextFromCarol().getBody());
        whatsApp.sendText(CAROL, wendyOnWhatsApp, "after the restart");
        // in order per contact: a second copy of anything would come before this
        assertEquals("after the restart", nextFromCarol().getBody());

        wendy.sendStanza(chat(carol, "still here after the restart"));
        awaitEvent(CAROL, e -> e.endsWith("|still here after the restart"));
        assertEquals(1, whatsApp.events(CAROL).stream().filter(e -> e.endsWith("|still here after the restart"))
                .count());
    }

    /** XEP-0280: asks the server to copy this client's conversations to and from its other clients. */
    private static void enableCarbons(XMPPTCPConnection connection) throws Exception {
        IQ enable = new IQ("enable", "urn:xmpp:carbons:2") {
            @Override
            protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
                xml.setEmptyElement();
                return xml;
            }
        };
        enable.setType(IQ.Type.set);
        connection.createStanzaCollectorAndSend(enable).nextResultOrThrow();
    }

    private static String xml(Message m) {
        return m.toXML().toString();
    }

    /** Waits until a stanza from the contact matches (bodiless ones included). */
    private static boolean awaitStanza(Predicate<Message> match) {
        return OpenfireServer.waitUntil(WAIT, () -> allFromCarol.stream().anyMatch(match));
    }

    private static org.jivesoftware.smack.packet.ExtensionElement ext(String element, String namespace,
                                                                      String... attributes) {
        org.jivesoftware.smack.packet.StandardExtensionElement.Builder b =
                org.jivesoftware.smack.packet.StandardExtensionElement.builder(element, namespace);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            b.addAttribute(attributes[i], attributes[i + 1]);
        }
        return b.build();
    }

    private static org.jivesoftware.smack.packet.ExtensionElement reactions(String id, String emoji) {
        return org.jivesoftware.smack.packet.StandardExtensionElement.builder("reactions", "urn:xmpp:reactions:0")
                .addAttribute("id", id).addElement("reaction", emoji).build();
    }

    private static Message raw(Jid to, String id, String body,
                               org.jivesoftware.smack.packet.ExtensionElement... extensions) {
        org.jivesoftware.smack.packet.MessageBuilder b = wendy.getStanzaFactory().buildMessageStanza()
                .to(to).ofType(Message.Type.chat);
        if (body != null) {
            b.setBody(body);
        }
        for (org.jivesoftware.smack.packet.ExtensionElement e : extensions) {
            b.addExtension(e);
        }
        Message m = b.build();
        m.setStanzaId(id);
        return m;
    }
}
