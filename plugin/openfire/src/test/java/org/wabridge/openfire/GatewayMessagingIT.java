/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.openfire.OfflineMessage;
import org.jivesoftware.openfire.OfflineMessageStore;
import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
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
import org.wabridge.openfire.testing.ScriptedEngineControl;
import org.wabridge.openfire.testing.ScriptedEngineLoader;

/**
 * Messaging end to end in a real Openfire 4.2.0 with Smack users, the WhatsApp engine replaced by the
 * scripted double (the real engine does not exist in this module yet), loaded into the plugin's class loader
 * and plugged in through {@code WhatsAppPlugin.useAccountFactory}. Runs after {@link GatewayRegistrationIT}
 * and before {@link WhatsAppPluginIT}, which unloads the plugin.
 */
@ExtendWith(OpenfireExtension.class)
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayMessagingIT {

    private static final String GATEWAY = "whatsapp." + OpenfireServer.DOMAIN;
    private static final String BOB_WA = "491701234567@s.whatsapp.net";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ScriptedEngineControl engine;
    private static XMPPTCPConnection gina;
    private static final BlockingQueue<Message> fromBob = new LinkedBlockingQueue<>();
    private static Jid bob;

    private static final StanzaListener COLLECT = stanza -> fromBob.add((Message) stanza);

    @BeforeAll
    static void plugInTheScriptedEngineAndRegisterGina(OpenfireServer server) throws Exception {
        Plugin plugin = server.plugin().orElseThrow();
        ClassLoader pluginLoader = plugin.getClass().getClassLoader();
        Object factory = new ScriptedEngineLoader(pluginLoader)
                .loadClass("org.wabridge.openfire.testing.scripted.ScriptedAccountFactory")
                .getConstructor().newInstance();
        engine = (ScriptedEngineControl) factory;
        plugin.getClass().getMethod("useAccountFactory",
                pluginLoader.loadClass("org.wabridge.openfire.session.WaAccountFactory")).invoke(plugin, factory);
        bob = JidCreate.from("+491701234567@" + GATEWAY);

        XMPPTCPConnection registering = server.connect("gina");
        try {
            RawIq register = new RawIq("<x xmlns='jabber:x:data' type='submit'>"
                    + "<field var='FORM_TYPE'><value>jabber:iq:register</value></field>"
                    + "<field var='phone'><value>+49 30 1234567</value></field>"
                    + "<field var='consent'><value>1</value></field>"
                    + "<field var='consent-version'><value>2026-11-1</value></field></x>");
            registering.createStanzaCollectorAndSend(register).nextResultOrThrow();
        } finally {
            registering.disconnect();
        }
        gina = login(server);
    }

    @AfterAll
    static void logOut() {
        if (gina != null) {
            gina.disconnect();
        }
    }

    private static XMPPTCPConnection login(OpenfireServer server) throws Exception {
        return server.connect("gina", c -> c.addAsyncStanzaListener(COLLECT,
                new org.jivesoftware.smack.filter.AndFilter(FromMatchesFilter.createBare(bob),
                        MessageTypeFilter.CHAT)));
    }

    private static Message chatToBob(String body) {
        return gina.getStanzaFactory().buildMessageStanza().to(bob).ofType(Message.Type.chat).setBody(body).build();
    }

    private static Message nextFromBob() throws InterruptedException {
        Message m = fromBob.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(m, "nothing arrived from the WhatsApp contact");
        return m;
    }

    @Test
    @Order(1)
    void aRegisteredUsersMessageReachesTheEngine() throws Exception {
        assertTrue(OpenfireServer.waitUntil(WAIT, () -> engine.connected("gina")),
                "the session did not open when gina came online");

        gina.sendStanza(chatToBob("hello from xmpp"));

        assertTrue(OpenfireServer.waitUntil(WAIT, () -> engine.sends().stream()
                .anyMatch(s -> s.startsWith("gina|" + BOB_WA + "|") && s.endsWith("|hello from xmpp"))),
                "sends: " + engine.sends());
    }

    @Test
    @Order(2)
    void aWhatsAppMessageArrivesWithItsStanzaIdAndTheHandoffIsConfirmed() throws Exception {
        Optional<String> outcome = engine.emitText("gina", "WAID-1", BOB_WA, "hello from whatsapp", Instant.now())
                .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Message m = nextFromBob();
        assertEquals("hello from whatsapp", m.getBody());
        String xml = m.toXML().toString();
        assertTrue(xml.contains("urn:xmpp:sid:0") && xml.contains("WAID-1"), xml);
        assertEquals(Optional.empty(), outcome);
    }

    @Test
    @Order(3)
    void theSameWhatsAppMessageTwiceIsDeliveredOnce() throws Exception {
        Optional<String> again = engine.emitText("gina", "WAID-1", BOB_WA, "hello from whatsapp", Instant.now())
                .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        engine.emitText("gina", "WAID-2", BOB_WA, "second message", Instant.now());

        // events of one account are handled in order, so a second copy of WAID-1 would arrive before WAID-2
        assertEquals("second message", nextFromBob().getBody());
        assertEquals(Optional.empty(), again, "the duplicate is confirmed to the engine");
    }

    @Test
    @Order(4)
    void notOptedInComesBackAsAnErrorStanzaWithText() throws Exception {
        engine.rejectNextSend("NOT_OPTED_IN");
        org.jivesoftware.smack.StanzaCollector errors = gina.createStanzaCollector(
                new org.jivesoftware.smack.filter.AndFilter(MessageTypeFilter.ERROR, FromMatchesFilter.createBare(bob)));
        try {
            gina.sendStanza(chatToBob("are you there?"));
            Message bounce = errors.nextResult(WAIT.toMillis());

            assertNotNull(bounce, "no error came back");
            assertEquals(StanzaError.Condition.service_unavailable, bounce.getError().getCondition());
            assertTrue(bounce.getError().getDescriptiveText().contains("third-party apps"),
                    bounce.getError().getDescriptiveText());
        } finally {
            errors.cancel();
        }
    }

    @Test
    @Order(5)
    void whileOfflineTheMessageIsStoredBeforeTheHandoffAndDeliveredAtLogin(OpenfireServer server) throws Exception {
        gina.disconnect();
        assertTrue(OpenfireServer.waitUntil(WAIT, () -> SessionManager.getInstance().getSessions("gina").isEmpty()));

        Optional<String> outcome = engine.emitText("gina", "WAID-3", BOB_WA, "sent while you were away",
                Instant.now().minusSeconds(60)).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        // the engine heard "delivered" only once Openfire's offline storage had the message
        assertEquals(Optional.empty(), outcome);
        assertTrue(OfflineMessageStore.getInstance().getMessages("gina", false).stream()
                .map(OfflineMessage::getBody).anyMatch("sent while you were away"::equals));

        gina = login(server);
        Message m = nextFromBob();
        assertEquals("sent while you were away", m.getBody());
        assertTrue(m.toXML().toString().contains("urn:xmpp:delay"), m.toXML().toString());
    }

    @Test
    @Order(6)
    void aChangedLifecycleModeAppliesToTheSessionsAtOnce(OpenfireServer server) throws Exception {
        gina.disconnect();
        assertTrue(OpenfireServer.waitUntil(WAIT, () -> !engine.connected("gina")),
                "follow-client: the session closes after the last client left");

        org.jivesoftware.util.JiveGlobals.setProperty("plugin.whatsapp.lifecycle", "always-on");
        try {
            assertTrue(OpenfireServer.waitUntil(WAIT, () -> engine.connected("gina")),
                    "always-on: the session of a user without a client opens without a restart");
        } finally {
            org.jivesoftware.util.JiveGlobals.deleteProperty("plugin.whatsapp.lifecycle");
        }
        assertTrue(OpenfireServer.waitUntil(WAIT, () -> !engine.connected("gina")),
                "back to follow-client: the session of the offline user closes again");
        gina = login(server);
        assertTrue(OpenfireServer.waitUntil(WAIT, () -> engine.connected("gina")));
    }

    /** A jabber:iq:register set with literal child XML. */
    private static final class RawIq extends IQ {
        private final String children;

        RawIq(String children) throws Exception {
            super("query", "jabber:iq:register");
            this.children = children;
            setType(Type.set);
            setTo(JidCreate.from(GATEWAY));
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.append(children);
            return xml;
        }
    }
}
