/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/** Fan-out, acks and their errors, receipts, chat state, and the offline queue released only by acks. */
class RoutingTest {
    private static final long BRIDGE_USER = 1001L;
    private static final String PHONE = EmulatorFixture.PHONE;
    @TempDir
    Path dir;
    private EmulatorFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new EmulatorFixture(dir, EmulatorConfig.defaults().withLimits(16, 1 << 20, 3, 5, 2));
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    private static String text(Node enc) {
        return new String(enc.contentBytes(), StandardCharsets.UTF_8);
    }

    private static Node ack(String id) {
        return Node.builder("ack").attr("id", id).attr("class", "message").build();
    }

    @Test
    void fanOutGivesEachDeviceOnlyItsEncAndAcksTheSender() throws Exception {
        f.register(PHONE, true, 0, 1);
        try (TestClient phone0 = f.consumer(PHONE, 0, true); TestClient phone1 = f.consumer(PHONE, 1, true);
             TestClient bridge = f.interop(BRIDGE_USER, 0)) {
            bridge.send(EmulatorFixture.message("m1", PHONE, 0, 1));
            Node ack = bridge.nextNonIb();
            assertEquals("ack", ack.tag());
            assertEquals("message", ack.attrs().requireString("class"));
            assertEquals("m1", ack.attrs().requireString("id"));
            assertNull(ack.attribute("error"));
            for (int device = 0; device < 2; device++) {
                Node got = (device == 0 ? phone0 : phone1).nextNonIb();
                assertEquals("message", got.tag());
                assertEquals("m1", got.attrs().requireString("id"));
                assertEquals(WaJid.interop(Long.toString(BRIDGE_USER), 0, 1), got.attrs().requireJid("from"));
                assertEquals("Bridge user", got.attrs().requireString("notify"));
                assertEquals(1, got.children("enc").size());
                assertEquals("enc-for-" + device, text(got.child("enc")));
            }
        }
    }

    @Test
    void staleDeviceListGetsTheExpectedParticipantHashInTheAck() throws Exception {
        f.register(PHONE, true, 0, 1);
        try (TestClient bridge = f.interop(BRIDGE_USER, 0)) {
            bridge.send(EmulatorFixture.message("p1", PHONE, 0));
            Node ack = bridge.nextNonIb();
            // §5.2: "2:" + base64(SHA-256(sorted AD strings concatenated))[0:6]; AD = user.agent:device@server
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update((PHONE + ".0:0@s.whatsapp.net" + PHONE + ".0:1@s.whatsapp.net")
                    .getBytes(StandardCharsets.UTF_8));
            String expected = "2:" + java.util.Base64.getEncoder().withoutPadding()
                    .encodeToString(java.util.Arrays.copyOf(sha.digest(), 6));
            assertEquals(expected, ack.attrs().requireString("phash"));
            bridge.send(EmulatorFixture.message("p2", PHONE, 0, 1));
            assertNull(bridge.nextNonIb().attribute("phash"), "complete device list: no phash");
        }
    }

    @Test
    void offlineQueueIsDeliveredInOrderWithMarkersAndKeptUntilAcked() throws Exception {
        f.register(PHONE, true, 0);
        try (TestClient bridge = f.interop(BRIDGE_USER, 0)) {
            for (String id : new String[] {"a", "b"}) {
                bridge.send(EmulatorFixture.message(id, PHONE, 0));
                assertNull(bridge.nextNonIb().attribute("error"));
            }
        }
        try (TestClient phone = f.consumer(PHONE, 0, true)) {
            assertOfflineBatch(phone, "a", "b");
            phone.send(ack("a"));
            // a ping answered on the same connection proves the ack was handled before this device reconnects
            phone.send(EmulatorFixture.ping("after-ack"));
            assertEquals("after-ack", phone.next().attrs().requireString("id"));
        }
        try (TestClient phone = f.consumer(PHONE, 0, true)) {
            assertOfflineBatch(phone, "b");
            phone.send(Node.builder("receipt").attr("id", "b")
                    .attr("to", WaJid.interop(Long.toString(BRIDGE_USER), 0, 1)).build());
            assertEquals("ack", phone.next().tag());
        }
        try (TestClient phone = f.consumer(PHONE, 0, true)) {
            assertOfflineBatch(phone);
        }
        assertEquals(0, f.emulator.directory().pendingFor(PHONE, 0));
    }

    private static void assertOfflineBatch(TestClient phone, String... ids) throws Exception {
        Node preview = phone.next();
        assertEquals("ib", preview.tag());
        assertEquals(ids.length, preview.child("offline_preview").attrs().requireInt("count"));
        for (String id : ids) {
            Node m = phone.next();
            assertEquals("message", m.tag());
            assertEquals(id, m.attrs().requireString("id"));
            assertEquals("1", m.attrs().requireString("offline"), "replayed messages carry the offline marker");
        }
        Node end = phone.next();
        assertEquals(ids.length, end.child("offline").attrs().requireInt("count"));
    }

    @Test
    void queuedStanzasExpireAfterTheRetention() throws Exception {
        f.register(PHONE, true, 0);
        try (TestClient bridge = f.interop(BRIDGE_USER, 0)) {
            bridge.send(EmulatorFixture.message("old", PHONE, 0));
            bridge.nextNonIb();
        }
        f.clock.advance(Duration.ofDays(30).plusSeconds(1));
        assertEquals(0, f.emulator.directory().pendingFor(PHONE, 0));
    }

    @Test
    void ackErrorsForUnknownUserNoOptInRateQueueAndReachOut() throws Exception {
        f.register(PHONE, true, 0);
        f.register("491700000002", false, 0);
        f.register("491700000003", true, 0);
        f.register("491700000004", true, 0);
        try (TestClient bridge = f.interop(BRIDGE_USER, 0)) {
            assertEquals("404", sendAndAck(bridge, "u1", "491799999999"));
            assertEquals("421", sendAndAck(bridge, "u2", "491700000002"));
            assertNull(sendAndAck(bridge, "u3", PHONE));
            assertNull(sendAndAck(bridge, "u4", "491700000003"));
            assertEquals("463", sendAndAck(bridge, "u5", "491700000004"), "third new contact, limit 2");
            assertNull(sendAndAck(bridge, "u6", PHONE));
            assertNull(sendAndAck(bridge, "u7", PHONE));
            assertEquals("429", sendAndAck(bridge, "u8", PHONE), "queue capacity 3, nothing acked");
            assertEquals("429", sendAndAck(bridge, "u9", PHONE), "5 accepted messages per minute");
        }
    }

    private static String sendAndAck(TestClient c, String id, String phone) throws Exception {
        c.send(EmulatorFixture.message(id, phone, 0));
        Node ack = c.nextNonIb();
        assertEquals(id, ack.attrs().requireString("id"));
        Object error = ack.attribute("error");
        return error == null ? null : error.toString();
    }

    @Test
    void retryReceiptGoesBackToTheSendingDevice() throws Exception {
        f.register(PHONE, true, 0);
        try (TestClient bridge0 = f.interop(BRIDGE_USER, 0); TestClient bridge1 = f.interop(BRIDGE_USER, 1);
             TestClient phone = f.consumer(PHONE, 0, true)) {
            bridge1.send(EmulatorFixture.message("r1", PHONE, 0));
            bridge1.nextNonIb();
            assertEquals("r1", phone.nextNonIb().attrs().requireString("id"));
            phone.send(Node.builder("receipt").attr("id", "r1").attr("type", "retry")
                    .attr("to", WaJid.interop(Long.toString(BRIDGE_USER), 1, 1))
                    .child(Node.builder("retry").attr("count", "1").attr("id", "r1").build()).build());
            Node phoneAck = phone.nextNonIb(); // r1 may have come inside the offline markers
            assertEquals("receipt", phoneAck.attrs().requireString("class"));
            Node receipt = bridge1.nextNonIb();
            assertEquals("receipt", receipt.tag());
            assertEquals("retry", receipt.attrs().requireString("type"));
            assertEquals(WaJid.of(PHONE, 0, WaJid.USER_SERVER), receipt.attrs().requireJid("from"));
            bridge0.send(EmulatorFixture.ping("still-here"));
            assertEquals("still-here", bridge0.nextNonIb().attrs().requireString("id"),
                    "device 0 got nothing before its ping result");
        }
    }

    @Test
    void chatStateIsRelayedToLiveDevices() throws Exception {
        f.register(PHONE, true, 0);
        try (TestClient phone = f.consumer(PHONE, 0, true); TestClient bridge = f.interop(BRIDGE_USER, 0)) {
            bridge.send(Node.builder("chatstate").attr("to", WaJid.of(PHONE, WaJid.USER_SERVER))
                    .child(Node.of("composing")).build());
            Node relayed = phone.nextNonIb();
            assertEquals("chatstate", relayed.tag());
            assertEquals(WaJid.interop(Long.toString(BRIDGE_USER), 0, 1), relayed.attrs().requireJid("from"));
            assertArrayEquals(new Object[] {"composing"}, relayed.children().stream().map(Node::tag).toArray());
        }
    }
}
