/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.wabridge.openfire.commands.ChatCommands;
import org.wabridge.openfire.commands.CommandFixture;
import org.wabridge.openfire.i18n.TestBundles;
import org.wabridge.openfire.xep.xep0050.AdHocCommands;
import org.wabridge.openfire.xep.xep0115.CapsElement;
import org.wabridge.openfire.xep.xep0115.CapsVersion;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/** The component's caps, its disco nodes and the chat-command path, with and without commands wired. */
class WhatsAppComponentCapsTest {

    private final CommandFixture f = new CommandFixture();

    private WhatsAppComponent component(boolean commands) throws Exception {
        GatewayServices services = new GatewayServices(f.registrations, locale -> TestBundles.english(), "test",
                commands ? Optional.of(new GatewayCommands(new AdHocCommands(f.runner,
                        Clock.fixed(CommandFixture.NOW, ZoneOffset.UTC)), new ChatCommands(f.runner)))
                        : Optional.empty());
        WhatsAppComponent c = new WhatsAppComponent("WhatsApp", 1, 16, services);
        c.initialize(new JID("whatsapp.example.org"), new WhatsAppComponentMessageTest.RecordingManager());
        return c;
    }

    @Test
    void withCapsAddsExactlyOneCapsElementAndTheVerFollowsTheFeatures() throws Exception {
        WhatsAppComponent plain = component(false);
        WhatsAppComponent withCommands = component(true);
        Presence presence = new Presence();
        presence.setFrom("whatsapp.example.org");
        withCommands.withCaps(presence);
        withCommands.withCaps(presence); // again: replaced, not duplicated
        List<Element> cs = presence.getElement().elements("c");
        assertEquals(1, cs.size());
        assertEquals(CapsElement.NAMESPACE, cs.get(0).getNamespaceURI());
        assertEquals(withCommands.caps().ver(), cs.get(0).attributeValue("ver"));
        assertEquals(WhatsAppComponent.CAPS_NODE, cs.get(0).attributeValue("node"));
        assertNotEquals(plain.caps().ver(), withCommands.caps().ver(), "the commands feature changes the hash");
    }

    @Test
    void discoInfoOnTheCapsNodeEchoesTheNodeAndUnknownNodesAreNotFound() throws Exception {
        WhatsAppComponent c = component(true);
        String node = c.caps().queryNode();
        IQ byNode = c.handleDiscoInfo(discoInfo(node));
        assertEquals(node, byNode.getChildElement().attributeValue("node"));
        assertEquals("gateway", byNode.getChildElement().element("identity").attributeValue("category"));
        IQ unknown = c.handleDiscoInfo(discoInfo("urn:nothing"));
        assertEquals(IQ.Type.error, unknown.getType());
    }

    @Test
    void aChatMessageToTheGatewayIsAnsweredByTheChatCommands() throws Exception {
        WhatsAppComponentMessageTest.RecordingManager manager = new WhatsAppComponentMessageTest.RecordingManager();
        WhatsAppComponent c = component(true);
        c.initialize(new JID("whatsapp.example.org"), manager);
        c.start();
        try {
            c.processPacket(new Message(DocumentHelper.parseText("<message xml:lang='en' type='chat' "
                    + "from='erin@example.org/it' to='whatsapp.example.org'><thread>t1</thread><body>status</body>"
                    + "</message>").getRootElement()));
            Packet reply = manager.sent.poll(10, TimeUnit.SECONDS);
            assertTrue(reply instanceof Message, "reply: " + reply);
            assertEquals(new JID("erin@example.org/it"), reply.getTo());
            assertEquals(new JID("whatsapp.example.org"), reply.getFrom());
            assertEquals("t1", ((Message) reply).getThread());
            assertTrue(((Message) reply).getBody().startsWith("You are not registered"), ((Message) reply).getBody());
        } finally {
            c.shutdown();
        }
    }

    @Test
    void aContactIsAPhoneClientWithTheConvertedFeaturesAndItsCapsNodeAnswersTheSame() throws Exception {
        WhatsAppComponent c = component(true);
        IQ plain = discoInfo(null);
        plain.setTo("+491701234567@whatsapp.example.org");

        Element query = c.handleDiscoInfo(plain).getChildElement();

        assertEquals("client", query.element("identity").attributeValue("category"));
        assertEquals("phone", query.element("identity").attributeValue("type"));
        List<String> features = query.elements("feature").stream().map(f -> f.attributeValue("var")).toList();
        for (String expected : List.of("urn:xmpp:receipts", "http://jabber.org/protocol/chatstates",
                "urn:xmpp:chat-markers:0", "urn:xmpp:message-correct:0", "urn:xmpp:message-retract:1",
                "urn:xmpp:reactions:0", "urn:xmpp:reply:0")) {
            assertTrue(features.contains(expected), expected);
        }
        assertEquals(ContactFeatures.caps().ver(), CapsVersion.of(query), "the presence caps match the answer");

        IQ byNode = discoInfo(ContactFeatures.caps().queryNode());
        byNode.setTo("+491701234567@whatsapp.example.org");
        assertEquals(ContactFeatures.caps().queryNode(),
                c.handleDiscoInfo(byNode).getChildElement().attributeValue("node"));
        IQ notAContact = discoInfo(null);
        notAContact.setTo("nobody@whatsapp.example.org");
        assertEquals(IQ.Type.error, c.handleDiscoInfo(notAContact).getType());
    }

    private static IQ discoInfo(String node) {
        IQ iq = new IQ(IQ.Type.get);
        iq.setFrom("erin@example.org/it");
        iq.setTo("whatsapp.example.org");
        Element query = iq.setChildElement("query", "http://jabber.org/protocol/disco#info");
        if (node != null) {
            query.addAttribute("node", node);
        }
        return iq;
    }
}
