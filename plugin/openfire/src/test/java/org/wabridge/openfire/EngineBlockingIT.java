/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
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
import org.wabridge.openfire.testing.EmulatorBridge;
import org.wabridge.openfire.testing.OpenfireExtension;
import org.wabridge.openfire.testing.OpenfireServer;
import org.wabridge.openfire.testing.WhatsAppSideControl;

/**
 * Blocking a WhatsApp contact from XMPP reaches WhatsApp, with the real engine against the emulator: the chat
 * command and a XEP-0191 block both put the contact on the account's WhatsApp block list, the contact's messages
 * then stop (WhatsApp acknowledges them to the sender and delivers nothing), and an unblock lets the next one
 * through. Runs after {@link EngineEndToEndIT}, with an emulator of its own.
 */
@ExtendWith(OpenfireExtension.class)
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineBlockingIT {

    private static final String USER = "bianca";
    private static final String EVE = "447911123456";
    private static final String EVE_WA = EVE + "@s.whatsapp.net";

    private static EmulatorBridge bridge;
    private static WhatsAppSideControl whatsApp;
    private static XMPPTCPConnection bianca;
    private static Jid eve;
    private static String biancaOnWhatsApp;
    private static final BlockingQueue<Message> fromEve = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start(OpenfireServer server) throws Exception {
        bridge = EmulatorBridge.start(server, "https://xmpp.example.org", "whatsapp-interop-test");
        whatsApp = bridge.whatsApp();
        whatsApp.addUser(EVE, true);
        eve = JidCreate.from("+" + EVE + "@" + EmulatorBridge.GATEWAY);
        EmulatorBridge.register(server, USER, "+44 20 7946 0959");
        bianca = server.connect(USER, c -> c.addAsyncStanzaListener(s -> fromEve.add((Message) s),
                new AndFilter(FromMatchesFilter.createBare(eve), MessageWithBodiesFilter.INSTANCE)));
        biancaOnWhatsApp = whatsApp.interopJid(USER);
        assertTrue(EmulatorBridge.gatewaySaysOnline(bianca), "the session did not come online");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (bianca != null) {
                bianca.disconnect();
            }
        } finally {
            if (bridge != null) {
                bridge.close();
            }
        }
    }

    private static String nextFromEve() throws InterruptedException {
        Message m = fromEve.poll(EmulatorBridge.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(m, "nothing arrived from eve");
        return m.getBody();
    }

    /** Sends a chat command to the gateway and returns its answer. */
    private static String command(String words) throws Exception {
        Jid gateway = JidCreate.from(EmulatorBridge.GATEWAY);
        StanzaCollector replies = bianca.createStanzaCollector(new AndFilter(FromMatchesFilter.createBare(gateway),
                MessageWithBodiesFilter.INSTANCE));
        try {
            bianca.sendStanza(bianca.getStanzaFactory().buildMessageStanza().to(gateway).ofType(Message.Type.chat)
                    .setBody(words).build());
            Message reply = replies.nextResult(EmulatorBridge.WAIT.toMillis());
            assertNotNull(reply, "the gateway did not answer " + words);
            return reply.getBody();
        } finally {
            replies.cancel();
        }
    }

    private static boolean whatsAppListIs(List<String> expected) {
        return OpenfireServer.waitUntil(EmulatorBridge.WAIT, () -> whatsApp.blockListOf(USER).equals(expected));
    }

    @Test
    @Order(1)
    void theBlockCommandBlocksOnWhatsAppAndTheContactsMessagesStopUntilUnblocked() throws Exception {
        whatsApp.sendText(EVE, biancaOnWhatsApp, "hello bianca");
        assertEquals("hello bianca", nextFromEve());

        assertEquals("+" + EVE + " is now blocked.", command("block +" + EVE));
        assertEquals(List.of(EVE_WA), whatsApp.blockListOf(USER), "WhatsApp has the block");
        whatsApp.sendText(EVE, biancaOnWhatsApp, "are you ignoring me?"); // acknowledged to eve, delivered nowhere

        assertEquals("+" + EVE + " is no longer blocked.", command("unblock +" + EVE));
        assertTrue(whatsAppListIs(List.of()), "WhatsApp still has " + whatsApp.blockListOf(USER));
        whatsApp.sendText(EVE, biancaOnWhatsApp, "back again");
        // one contact's messages arrive in order: the blocked one would come first
        assertEquals("back again", nextFromEve());
    }

    @Test
    @Order(2)
    void aXep0191BlockReachesWhatsAppToo() throws Exception {
        // Openfire 4.2.0 has no XEP-0191 and answers with an error; the gateway still honours the request
        bianca.createStanzaCollectorAndSend(new BlockingIq("block", eve)).nextResult(20_000);
        assertTrue(whatsAppListIs(List.of(EVE_WA)), "WhatsApp has " + whatsApp.blockListOf(USER));

        bianca.createStanzaCollectorAndSend(new BlockingIq("unblock", eve)).nextResult(20_000);
        assertTrue(whatsAppListIs(List.of()), "WhatsApp still has " + whatsApp.blockListOf(USER));
    }

    /** XEP-0191 block/unblock of one JID, to the user's own server. */
    private static final class BlockingIq extends IQ {
        private final Jid item;

        BlockingIq(String element, Jid item) {
            super(element, "urn:xmpp:blocking");
            this.item = item;
            setType(Type.set);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.append("<item jid='" + item + "'/>");
            return xml;
        }
    }
}
