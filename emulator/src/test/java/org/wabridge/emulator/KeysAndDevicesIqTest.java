/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/** encrypt IQs (upload, count, fetch, rotate), their notifications, and usync device lists, on the wire. */
class KeysAndDevicesIqTest {
    private static final String PHONE = EmulatorFixture.PHONE;
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

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static Node bytesNode(String tag, byte[] content) {
        return Node.builder(tag).bytes(content).build();
    }

    private static Node id3(int id) {
        return bytesNode("id", new byte[] {0, 0, (byte) id});
    }

    /** The upload form of §5.3 with {@code count} one-time keys numbered 1..count. */
    private static Node upload(String id, int identityByte, int count) {
        Node.Builder list = Node.builder("list");
        for (int i = 1; i <= count; i++) {
            list.child(Node.builder("key").children(id3(i), bytesNode("value", filled(32, i))).build());
        }
        return Node.builder("iq").attr("id", id).attr("xmlns", "encrypt").attr("type", "set")
                .attr("to", WaJid.SERVER)
                .children(bytesNode("registration", new byte[] {0, 0, 0x30, 0x39}), bytesNode("type", new byte[] {5}),
                        bytesNode("identity", filled(32, identityByte)), list.build(),
                        Node.builder("skey").children(id3(1), bytesNode("value", filled(32, 0x55)),
                                bytesNode("signature", filled(64, 0x66))).build())
                .build();
    }

    private static Node fetch(String id, WaJid... devices) {
        Node.Builder key = Node.builder("key");
        for (WaJid d : devices) {
            key.child(Node.builder("user").attr("jid", d).attr("reason", "identity").build());
        }
        return Node.builder("iq").attr("id", id).attr("xmlns", "encrypt").attr("type", "get")
                .attr("to", WaJid.SERVER).child(key.build()).build();
    }

    private static void assertResult(Node iq, String id) {
        assertEquals("iq", iq.tag(), iq.toString());
        assertEquals("result", iq.attrs().optString("type", null), iq.toString());
        assertEquals(id, iq.attrs().optString("id", null));
    }

    @Test
    void uploadFetchCountNotificationsAndUsync() throws Exception {
        f.register(PHONE, true, 0, 1);
        WaJid phone0 = WaJid.of(PHONE, 0, WaJid.USER_SERVER);
        WaJid phone1 = WaJid.of(PHONE, 1, WaJid.USER_SERVER);
        try (TestClient phone = f.consumer(PHONE, 0, true); TestClient bridge = f.interop(1001L, 0)) {
            phone.send(upload("up1", 0x11, 6));
            assertResult(phone.nextNonIb(), "up1");

            // the request as the bridge builds it (shared IQ spec, §5.2 form)
            bridge.send(org.wabridge.core.iq.UsyncDevicesIq.of("sid-1", List.of(WaJid.of(PHONE, WaJid.USER_SERVER)))
                    .toRequest("u1"));
            Node usync = bridge.nextNonIb();
            assertResult(usync, "u1");
            Node deviceList = usync.child("usync").child("list").child("user").child("devices").child("device-list");
            assertEquals(List.of("0", "1"), deviceList.children("device").stream()
                    .map(d -> d.attrs().optString("id", "")).collect(Collectors.toList()));

            bridge.send(fetch("f1", phone0, phone1));
            Node result = bridge.nextNonIb();
            assertResult(result, "f1");
            List<Node> users = result.child("list").children("user");
            Node bundle = users.get(0);
            assertArrayEquals(new byte[] {0, 0, 0x30, 0x39}, bundle.child("registration").contentBytes());
            assertArrayEquals(filled(32, 0x11), bundle.child("identity").contentBytes());
            assertArrayEquals(filled(64, 0x66), bundle.child("skey").child("signature").contentBytes());
            assertArrayEquals(new byte[] {0, 0, 1}, bundle.child("key").child("id").contentBytes());
            assertEquals("404", users.get(1).child("error").attrs().optString("code", null), "device 1 never uploaded");

            bridge.send(fetch("f2", phone0));
            Node second = bridge.nextNonIb();
            assertArrayEquals(new byte[] {0, 0, 2}, second.child("list").child("user").child("key").child("id")
                    .contentBytes(), "each one-time key is handed out once");

            Node low = phone.nextNonIb();
            assertEquals("notification", low.tag());
            assertEquals("encrypt", low.attrs().optString("type", null));
            assertEquals("4", low.child("count").attrs().optString("value", null));
            phone.send(Node.builder("ack").attr("id", low.attrs().optString("id", "")).attr("class", "notification")
                    .attr("type", "encrypt").build());

            phone.send(Node.builder("iq").attr("id", "c1").attr("xmlns", "encrypt").attr("type", "get")
                    .child(Node.of("count")).build());
            Node count = phone.nextNonIb();
            assertResult(count, "c1");
            assertEquals("4", count.child("count").attrs().optString("value", null));

            phone.send(upload("up2", 0x22, 3));
            assertResult(phone.nextNonIb(), "up2");
            Node identity = bridge.nextNonIb();
            assertEquals("notification", identity.tag());
            assertNotNull(identity.child("identity"));
            assertEquals(WaJid.of(PHONE, WaJid.USER_SERVER), identity.attrs().requireJid("from"));
        }
    }

    @Test
    void malformedUploadGetsBadRequestAndTheConnectionStays() throws Exception {
        try (TestClient bridge = f.interop(1001L, 0)) {
            bridge.send(Node.builder("iq").attr("id", "bad").attr("xmlns", "encrypt").attr("type", "set")
                    .child(bytesNode("identity", new byte[5])).build());
            Node error = bridge.nextNonIb();
            assertEquals("error", error.attrs().optString("type", null));
            assertEquals("400", error.child("error").attrs().optString("code", null));
            bridge.send(EmulatorFixture.ping("after"));
            assertNull(bridge.nextNonIb().child("error"));
        }
    }
}
