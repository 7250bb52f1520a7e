/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.dom4j.DocumentHelper;
import org.junit.jupiter.api.Test;
import org.wabridge.openfire.i18n.TestBundles;
import org.wabridge.openfire.registration.InMemoryRegistrationStore;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.registration.RegistrationPolicy;
import org.wabridge.openfire.registration.RegistrationRules;
import org.wabridge.openfire.registration.RegistrationService;
import org.wabridge.openfire.registration.UnregisterHook;
import org.xmpp.component.ComponentManager;
import org.xmpp.component.IQResultListener;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/** The component bounces messages with a body while no engine exists, never dropping them silently. */
class WhatsAppComponentMessageTest {

    /** Records what the component sends; Openfire's component manager does not run in unit tests. */
    static final class RecordingManager implements ComponentManager {
        final BlockingQueue<Packet> sent = new LinkedBlockingQueue<>();

        @Override
        public void sendPacket(org.xmpp.component.Component component, Packet packet) {
            sent.add(packet);
        }

        @Override
        public String getServerName() {
            return "example.org";
        }

        @Override
        public void addComponent(String subdomain, org.xmpp.component.Component component) {
        }

        @Override
        public void removeComponent(String subdomain) {
        }

        @Override
        public IQ query(org.xmpp.component.Component component, IQ packet, long timeout) {
            return null;
        }

        @Override
        public void query(org.xmpp.component.Component component, IQ packet, IQResultListener listener) {
        }

        @Override
        public String getProperty(String name) {
            return null;
        }

        @Override
        public void setProperty(String name, String value) {
        }

        @Override
        public boolean isExternalMode() {
            return false;
        }
    }

    @Test
    void bodyMessagesAreBouncedWithServiceUnavailableAndTextButChatStatesAreNot() throws Exception {
        RecordingManager manager = new RecordingManager();
        WhatsAppComponent component = new WhatsAppComponent("WhatsApp", 1, 16, new GatewayServices(
                new RegistrationService(new InMemoryRegistrationStore(),
                        () -> new RegistrationRules(RegistrationPolicy.OPEN, Set.of()), (u, g) -> false,
                        UnregisterHook.NONE, Clock.systemUTC()), locale -> TestBundles.english(), "test"));
        component.initialize(new JID("whatsapp.example.org"), manager);
        component.start();
        try {
            component.processPacket(new Message(DocumentHelper.parseText("<message xml:lang='en' type='chat' "
                    + "from='erin@example.org/it' to='+491701234567@whatsapp.example.org'>"
                    + "<composing xmlns='http://jabber.org/protocol/chatstates'/></message>").getRootElement()));
            component.processPacket(new Message(DocumentHelper.parseText("<message xml:lang='en' type='chat' id='m1' "
                    + "from='erin@example.org/it' to='+491701234567@whatsapp.example.org'><body>hello</body></message>")
                    .getRootElement()));

            Packet bounce = manager.sent.poll(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(bounce instanceof Message, "bounce: " + bounce);
            assertEquals(new JID("erin@example.org/it"), bounce.getTo());
            assertEquals(new JID("+491701234567@whatsapp.example.org"), bounce.getFrom());
            assertEquals("m1", bounce.getID());
            assertEquals(PacketError.Condition.service_unavailable, bounce.getError().getCondition());
            assertTrue(bounce.getError().getText().contains("was not sent"), bounce.getError().getText());
            assertEquals(null, manager.sent.poll(200, TimeUnit.MILLISECONDS), "the chat state is not bounced");
        } finally {
            component.shutdown();
        }
    }

    @Test
    void usersOfOtherServersCannotRegisterUnregisterOrChatAndAreToldWhy() throws Exception {
        RecordingManager manager = new RecordingManager();
        InMemoryRegistrationStore store = new InMemoryRegistrationStore();
        store.save(new Registration("alice", "+4930123456", "v", Instant.EPOCH, Registration.State.LINKED,
                Instant.EPOCH));
        WhatsAppComponent component = new WhatsAppComponent("WhatsApp", 1, 16, new GatewayServices(
                new RegistrationService(store, () -> new RegistrationRules(RegistrationPolicy.OPEN, Set.of()),
                        (u, g) -> false, UnregisterHook.NONE, Clock.systemUTC()), locale -> TestBundles.english(),
                "test"));
        component.initialize(new JID("whatsapp.example.org"), manager);
        component.start();
        try {
            // a namesake of local alice on another server asks for alice's registration, then removes it
            for (String query : List.of("<query xmlns='jabber:iq:register'/>",
                    "<query xmlns='jabber:iq:register'><remove/></query>")) {
                component.processPacket(new IQ(DocumentHelper.parseText("<iq xml:lang='en' type='"
                        + (query.contains("remove") ? "set" : "get") + "' id='r1' from='alice@evil.example/x' "
                        + "to='whatsapp.example.org'>" + query + "</iq>").getRootElement()));
                Packet answer = manager.sent.poll(10, TimeUnit.SECONDS);
                assertEquals(PacketError.Condition.forbidden, answer.getError().getCondition(), answer.toXML());
                assertEquals("This WhatsApp gateway serves only users of example.org.", answer.getError().getText());
                assertFalse(answer.toXML().contains("4930123456"), "nothing about local alice leaks");
            }
            assertTrue(store.find("alice").isPresent(), "local alice is still registered");

            // chat words and messages to contacts are bounced the same way
            for (String to : List.of("whatsapp.example.org", "+491701234567@whatsapp.example.org")) {
                component.processPacket(new Message(DocumentHelper.parseText("<message xml:lang='en' type='chat' "
                        + "id='m2' from='alice@evil.example/x' to='" + to + "'><body>unregister confirm</body>"
                        + "</message>").getRootElement()));
                Packet bounce = manager.sent.poll(10, TimeUnit.SECONDS);
                assertEquals(PacketError.Condition.forbidden, bounce.getError().getCondition(), bounce.toXML());
                assertEquals(new JID("alice@evil.example/x"), bounce.getTo());
            }
            assertTrue(store.find("alice").isPresent());
        } finally {
            component.shutdown();
        }
    }
}
