/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
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
import org.wabridge.openfire.testing.OpenfireExtension;
import org.wabridge.openfire.testing.OpenfireServer;
import org.wabridge.openfire.testing.PluginChildLoader;
import org.wabridge.openfire.testing.WhatsAppSideControl;

/**
 * The real thing end to end: Smack users on a real Openfire 4.2.0, the plugin with its real engine
 * (EngineAccountFactory: JWT from the plugin's provider keys, JDBC Signal stores, NIO transport), and a real
 * in-process WhatsApp emulator that fetches the plugin's own JWKS from {@code /whatsapp/jwks.json}; the WhatsApp
 * contact is a simulated user on a second engine with consumer credentials. The plugin is pointed at the
 * emulator only through its settings, as an administrator would. Runs after {@link GatewayMessagingIT} (whose
 * scripted engine the endpoint setting replaces) and before {@link WhatsAppPluginIT}, which unloads the plugin.
 */
@ExtendWith(OpenfireExtension.class)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineEndToEndIT {

    private static final String GATEWAY = "whatsapp." + OpenfireServer.DOMAIN;
    private static final String ISSUER = "https://xmpp.example.org";
    private static final String AUDIENCE = "whatsapp-interop-test";
    private static final String USER = "wendy";
    private static final String CAROL = "447700900123";
    private static final String DAVE = "33612345678";
    private static final Duration WAIT = Duration.ofSeconds(45);

    private static WhatsAppSideControl whatsApp;
    private static Path dir;
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
        Plugin plugin = server.plugin().orElseThrow();
        whatsApp = (WhatsAppSideControl) new PluginChildLoader(plugin.getClass().getClassLoader())
                .loadClass("org.wabridge.openfire.testing.wa.WhatsAppSide").getConstructor().newInstance();
        dir = Files.createTempDirectory("wa-e2e");
        Path anchor = dir.resolve("trust-anchor.txt");
        String endpoint = whatsApp.start(URI.create("http://127.0.0.1:" + server.httpBindPort()
                + "/whatsapp/jwks.json"), ISSUER, AUDIENCE, anchor);
        whatsApp.addUser(CAROL, true);
        whatsApp.addUser(DAVE, false);
        carol = JidCreate.from("+" + CAROL + "@" + GATEWAY);

        // as an administrator would, endpoint last: the engine starts once all of it is there
        JiveGlobals.setProperty("plugin.whatsapp.trust.anchor", anchor.toString());
        JiveGlobals.setProperty("plugin.whatsapp.provider.id", ISSUER);
        JiveGlobals.setProperty("plugin.whatsapp.token.audience", AUDIENCE);
        JiveGlobals.setProperty("plugin.whatsapp.endpoint", endpoint);
        assertTrue(OpenfireServer.waitUntil(WAIT, () -> engineState(plugin).startsWith("connecting users")),
                () -> "engine state: " + engineState(plugin));

        XMPPTCPConnection registering = server.connect(USER);
        try {
            registering.createStanzaCollectorAndSend(new RegisterIq("+44 20 7946 0958")).nextResultOrThrow();
        } finally {
            registering.disconnect();
        }
        wendy = login(server);
        wendyOnWhatsApp = whatsApp.interopJid(USER);
    }

    @AfterAll
    static void tearDown() throws Exception {
        try {
            if (wendy != null) {
                wendy.disconnect();
            }
            JiveGlobals.deleteProperty("plugin.whatsapp.endpoint");
        } finally {
            if (whatsApp != null) {
                whatsApp.close();
            }
        }
    }

    private static String engineState(Plugin plugin) {
        try {
            return (String) plugin.getClass().getMethod("engineState").invoke(plugin);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static XMPPTCPConnection login(OpenfireServer server) throws Exception {
        return server.connect(USER, c -> c.addAsyncStanzaListener(COLLECT,
                new AndFilter(FromMatchesFilter.createBare(carol), StanzaTypeFilter.MESSAGE)));
    }

    private static Message chat(Jid to, String body) {
        return wendy.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat).setBody(body).build();
    }

    /** Waits for the simulated user to have received an event matching {@code match}; returns it. */
    private static String awaitEvent(String phone, Predicate<String> match) {
        Optional<String>[] found = new Optional[] {Optional.empty()};
        OpenfireServer.waitUntil(WAIT, () -> {
            found[0] = whatsApp.events(phone).stream().filter(match).findFirst();
            return found[0].isPresent();
        });
        return found[0].orElseThrow(() -> new AssertionError("not received by " + phone + ": "
                + whatsApp.events(phone)));
    }

    /** Asks the gateway for the session state (a presence probe) until it says ONLINE (available, no show). */
    private static boolean gatewaySaysOnline() {
        return OpenfireServer.waitUntil(WAIT, () -> {
            try {
                org.jivesoftware.smack.StanzaCollector answers = wendy.createStanzaCollector(new AndFilter(
                        FromMatchesFilter.createBare(JidCreate.from(GATEWAY)), StanzaTypeFilter.PRESENCE));
                try {
                    wendy.sendStanza(wendy.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.probe)
                            .to(JidCreate.from(GATEWAY)).build());
                    Presence p = answers.nextResult(5000);
                    return p != null && p.isAvailable() && p.getMode() == Presence.Mode.available;
                } finally {
                    answers.cancel();
                }
            } catch (Exception e) {
                return false;
            }
        });
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
        Message m = nextFromCarol();
        assertEquals("hi wendy, from whatsapp", m.getBody());
        assertTrue(m.toXML().toString().contains(id), "the WhatsApp message id is the stanza id: " + m.toXML());
    }

    /** A jabber:iq:register form submission to the gateway. */
    private static final class RegisterIq extends IQ {
        private final String phone;

        RegisterIq(String phone) throws Exception {
            super("query", "jabber:iq:register");
            this.phone = phone;
            setType(Type.set);
            setTo(JidCreate.from(GATEWAY));
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.append("<x xmlns='jabber:x:data' type='submit'>"
                    + "<field var='FORM_TYPE'><value>jabber:iq:register</value></field>"
                    + "<field var='phone'><value>" + phone + "</value></field>"
                    + "<field var='consent'><value>1</value></field>"
                    + "<field var='consent-version'><value>2026-11-1</value></field></x>");
            return xml;
        }
    }
}
