/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wabridge.openfire.i18n.TestBundles;
import org.wabridge.openfire.registration.InMemoryRegistrationStore;
import org.wabridge.openfire.registration.RegistrationPolicy;
import org.wabridge.openfire.registration.RegistrationRules;
import org.wabridge.openfire.registration.RegistrationService;
import org.wabridge.openfire.registration.UnregisterHook;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/** Each sender's stanzas reach messaging one at a time in arrival order; an overfull queue answers, not drops. */
class InOrderGatewayTest {

    private static final int MAX_QUEUED = 1000;

    private final WhatsAppComponentMessageTest.RecordingManager manager =
            new WhatsAppComponentMessageTest.RecordingManager();
    private final WhatsAppComponent component = new WhatsAppComponent("WhatsApp", 2, 16, new GatewayServices(
            new RegistrationService(new InMemoryRegistrationStore(),
                    () -> new RegistrationRules(RegistrationPolicy.OPEN, Set.of()), (u, g) -> false,
                    UnregisterHook.NONE, Clock.systemUTC()), locale -> TestBundles.english(), "test"));
    private final InOrderGateway gateway = new InOrderGateway(component, 4, MAX_QUEUED);

    @BeforeEach
    void start() throws Exception {
        gateway.initialize(new JID("whatsapp.example.org"), manager);
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.shutdown();
    }

    private static Message message(String user, int n) {
        Message m = new Message();
        m.setType(Message.Type.chat);
        m.setFrom(new JID(user, "example.org", "phone"));
        m.setTo(new JID("+491701234567", "whatsapp.example.org", null));
        m.setID(user + "-" + n);
        m.setBody(Integer.toString(n));
        return m;
    }

    @Test
    void eachSendersStanzasAreHandledOneAtATimeInArrivalOrder() throws Exception {
        Map<String, List<Integer>> seen = new HashMap<>();
        CountDownLatch all = new CountDownLatch(3 * 200 + 3);
        component.useMessaging(new GatewayMessaging() {
            @Override
            public void onMessage(Message message) {
                pause(); // workers finish in any order unless a sender's stanzas are serialised
                synchronized (seen) {
                    seen.computeIfAbsent(message.getFrom().getNode(), u -> new ArrayList<>())
                            .add(Integer.parseInt(message.getBody()));
                }
                all.countDown();
            }

            @Override
            public void onPresence(Presence presence) {
                synchronized (seen) {
                    seen.computeIfAbsent(presence.getFrom().getNode(), u -> new ArrayList<>()).add(-1);
                }
                all.countDown();
            }
        });

        for (int n = 0; n < 200; n++) {
            for (String user : List.of("alice", "bob", "carol")) {
                if (n == 100) {
                    Presence p = new Presence(Presence.Type.subscribe);
                    p.setFrom(new JID(user, "example.org", "phone"));
                    p.setTo(new JID("+491701234567", "whatsapp.example.org", null));
                    gateway.processPacket(p);
                }
                gateway.processPacket(message(user, n));
            }
        }

        assertTrue(all.await(30, TimeUnit.SECONDS), "every stanza handled");
        List<Integer> expected = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            if (n == 100) {
                expected.add(-1);
            }
            expected.add(n);
        }
        for (String user : List.of("alice", "bob", "carol")) {
            assertEquals(expected, seen.get(user), user);
        }
    }

    @Test
    void pastTheQueueBoundAMessageIsAnsweredWithATextInsteadOfDropped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch handled = new CountDownLatch(MAX_QUEUED);
        component.useMessaging(new GatewayMessaging() {
            @Override
            public void onMessage(Message message) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                handled.countDown();
            }

            @Override
            public void onPresence(Presence presence) {
            }
        });

        for (int n = 0; n < MAX_QUEUED; n++) {
            gateway.processPacket(message("alice", n));
        }
        gateway.processPacket(message("alice", MAX_QUEUED));

        Packet bounce = manager.sent.poll(10, TimeUnit.SECONDS);
        assertEquals("alice-" + MAX_QUEUED, bounce.getID());
        assertEquals(PacketError.Condition.resource_constraint, bounce.getError().getCondition());
        assertTrue(bounce.getError().getText().contains("too busy"), bounce.getError().getText());
        release.countDown();
        assertTrue(handled.await(30, TimeUnit.SECONDS), "the queued ones are all handled");
    }

    private static void pause() {
        try {
            Thread.sleep(0, ThreadLocalRandom.current().nextInt(200_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
