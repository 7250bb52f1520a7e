/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.DevicesNotification;
import org.wabridge.core.stanza.ParticipantHash;
import org.wabridge.core.stanza.PresenceStanza;

/** Presence subscriptions (§5.9) and device-list notifications (§5.10) as the emulator serves them. */
class PresenceAndDeviceListTest {
    private static final long BRIDGE_USER = 1001L;
    private static final String PHONE = EmulatorFixture.PHONE;
    private static final WaJid PHONE_JID = WaJid.of(PHONE, WaJid.USER_SERVER);
    @TempDir
    Path dir;
    private EmulatorFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new EmulatorFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void subscriberHearsCurrentStateThenEveryChangeWithLastSeenWhenTheUserLeaves() throws Exception {
        f.register(PHONE, true, 0);
        try (TestClient bridge = f.interop(BRIDGE_USER, 0)) {
            bridge.send(PresenceStanza.subscribe(PHONE_JID).toNode());
            PresenceStanza initial = PresenceStanza.fromNode(bridge.nextNonIb());
            assertEquals(PHONE_JID, initial.from().orElseThrow());
            assertFalse(initial.isAvailable(), "nobody announced the phone yet");

            TestClient phone = f.consumer(PHONE, 0, true);
            phone.send(PresenceStanza.own(true, "Phone").toNode());
            PresenceStanza online = PresenceStanza.fromNode(bridge.nextNonIb());
            assertTrue(online.isAvailable());
            assertTrue(online.lastSeen().isEmpty());

            f.clock.advance(java.time.Duration.ofMinutes(3));
            long leftAt = f.clock.instant().getEpochSecond();
            phone.close(); // a dropped connection counts as unavailable
            PresenceStanza offline = PresenceStanza.fromNode(bridge.nextNonIb());
            assertFalse(offline.isAvailable());
            assertEquals(leftAt, offline.lastSeen().orElseThrow());
        }
    }

    @Test
    void unsubscribedDeviceHearsNothingMore() throws Exception {
        f.register(PHONE, true, 0);
        try (TestClient bridge = f.interop(BRIDGE_USER, 0); TestClient phone = f.consumer(PHONE, 0, true)) {
            bridge.send(PresenceStanza.subscribe(PHONE_JID).toNode());
            PresenceStanza.fromNode(bridge.nextNonIb());
            bridge.send(new PresenceStanza(java.util.Optional.of(PresenceStanza.Type.UNSUBSCRIBE),
                    java.util.Optional.empty(), java.util.Optional.of(PHONE_JID), java.util.Optional.empty(),
                    java.util.Optional.empty()).toNode());
            // a round trip first, so the unsubscribe is processed before the phone (another connection) announces
            bridge.send(EmulatorFixture.ping("unsubscribed"));
            assertEquals("unsubscribed", bridge.nextNonIb().attrs().requireString("id"));
            phone.send(PresenceStanza.own(true, "Phone").toNode());
            // the ping answer is the next thing the bridge sees: no presence came in between
            bridge.send(EmulatorFixture.ping("after-unsubscribe"));
            Node next = bridge.nextNonIb();
            assertEquals("iq", next.tag());
            assertEquals("after-unsubscribe", next.attrs().requireString("id"));
        }
    }

    @Test
    void contactsLearnOfNewAndRemovedDevicesEvenWhenOfflineAndOwnDevicesWhileLive() throws Exception {
        f.register(PHONE, true, 0);
        try (TestClient bridge = f.interop(BRIDGE_USER, 0)) {
            bridge.send(EmulatorFixture.message("hello", PHONE, 0));
            assertNull(bridge.nextNonIb().attribute("error"));
        }
        try (TestClient phone0 = f.consumer(PHONE, 0, true)) {
            phone0.nextNonIb(); // the queued "hello"
            f.register(PHONE, true, 1); // the phone links a companion while the bridge is offline
            DevicesNotification own = DevicesNotification.fromNode(phone0.nextNonIb());
            assertEquals(DevicesNotification.Action.ADD, own.action());
            assertEquals(List.of(WaJid.of(PHONE, 1, WaJid.USER_SERVER)), own.devices());
        }
        f.emulator.removeDevice(PHONE, 0);

        try (TestClient bridge = f.interop(BRIDGE_USER, 0)) {
            DevicesNotification added = DevicesNotification.fromNode(bridge.nextNonIb());
            assertEquals(DevicesNotification.Action.ADD, added.action());
            assertEquals(PHONE_JID, added.from());
            assertEquals(List.of(WaJid.of(PHONE, 1, WaJid.USER_SERVER)), added.devices());
            assertEquals(ParticipantHash.of(List.of(WaJid.of(PHONE, 0, WaJid.USER_SERVER),
                    WaJid.of(PHONE, 1, WaJid.USER_SERVER))), added.deviceHash().orElseThrow());

            DevicesNotification removed = DevicesNotification.fromNode(bridge.nextNonIb());
            assertEquals(DevicesNotification.Action.REMOVE, removed.action());
            assertEquals(List.of(WaJid.of(PHONE, 0, WaJid.USER_SERVER)), removed.devices());
            assertEquals(ParticipantHash.of(List.of(WaJid.of(PHONE, 1, WaJid.USER_SERVER))),
                    removed.deviceHash().orElseThrow());
            for (DevicesNotification n : List.of(added, removed)) {
                bridge.send(Node.builder("ack").attr("id", n.id()).attr("class", "notification")
                        .attr("type", "devices").build());
            }
            bridge.send(EmulatorFixture.ping("acks-processed")); // the emulator handles a connection's stanzas in order
            assertEquals("acks-processed", bridge.nextNonIb().attrs().requireString("id"));
        }
        // acked: nothing is queued for the bridge any more
        assertEquals(0, f.emulator.directory().pendingFor(Long.toString(BRIDGE_USER), 0));
    }
}
