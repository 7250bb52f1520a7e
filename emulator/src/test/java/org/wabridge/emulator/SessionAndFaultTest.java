/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.binary.Node;
import org.wabridge.core.noise.CorruptFrameException;
import org.wabridge.core.transport.ReceiveTimeoutException;
import org.wabridge.core.transport.TransportException;

/** One connection per device, keepalive, malformed input, and every fault knob. */
class SessionAndFaultTest {
    private static final long USER = 2002L;
    private static final String USER_ID = Long.toString(USER);
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

    private static void assertStreamError(Node node, String code, String conflictType) {
        assertEquals("stream:error", node.tag(), node.toString());
        assertEquals(code, node.attrs().optString("code", null));
        if (conflictType != null) {
            assertEquals(conflictType, node.child("conflict").attrs().optString("type", null));
        }
    }

    private static void assertPingAnswered(TestClient c, String id) throws Exception {
        c.send(EmulatorFixture.ping(id));
        Node result = c.nextNonIb();
        assertEquals("iq", result.tag());
        assertEquals("result", result.attrs().requireString("type"));
        assertEquals(id, result.attrs().requireString("id"));
    }

    @Test
    void keepalivePingIsAnswered() throws Exception {
        try (TestClient c = f.interop(USER, 0)) {
            assertPingAnswered(c, "p1");
            assertPingAnswered(c, "p2");
        }
    }

    @Test
    void newLoginOfTheSameDeviceSendsReplacedToTheOldOne() throws Exception {
        TestClient first = f.interop(USER, 0);
        try (TestClient second = f.interop(USER, 0)) {
            assertStreamError(first.nextNonIb(), null, "replaced");
            assertThrows(TransportException.class, first::next);
            assertPingAnswered(second, "after-replace");
        }
        try (TestClient otherDevice = f.interop(USER, 1)) {
            assertPingAnswered(otherDevice, "device-1");
        }
    }

    @Test
    void malformedNodeEndsOnlyThatConnection() throws Exception {
        try (TestClient healthy = f.interop(USER, 1); TestClient broken = f.interop(USER, 0)) {
            broken.socket.send(new byte[] {0, (byte) 0xF8, (byte) 0x7F});
            Node error = broken.nextNonIb();
            assertEquals("stream:error", error.tag());
            assertNotNull(error.child("xml-not-well-formed"));
            assertThrows(TransportException.class, broken::next);
            assertPingAnswered(healthy, "still-serving");
            assertEquals(1, f.emulator.counters().malformedInputs());
        }
        try (TestClient later = f.interop(USER, 0)) {
            assertPingAnswered(later, "new-connection");
        }
    }

    @Test
    void garbageBeforeTheHandshakeIsRefusedAndTheEmulatorCarriesOn() throws Exception {
        try (java.net.Socket raw = new java.net.Socket(f.emulator.tcpAddress().getAddress(),
                f.emulator.tcpAddress().getPort())) {
            raw.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(-1, raw.getInputStream().read(), "the emulator closes the connection");
        }
        try (TestClient c = f.interop(USER, 0)) {
            assertPingAnswered(c, "after-garbage");
        }
    }

    @Test
    void streamErrorKnobsSendTheirFormAndClose() throws Exception {
        String[][] cases = {{"SERVICE_UNAVAILABLE", "503", null}, {"RESTART_REQUIRED", "515", null},
            {"REPLACED", null, "replaced"}, {"DEVICE_REMOVED", "401", "device_removed"}};
        for (String[] c : cases) {
            try (TestClient client = f.interop(USER, 0)) {
                assertPingAnswered(client, "sync");
                assertTrue(f.emulator.sendStreamError(USER_ID, 0, StreamErrorKind.valueOf(c[0])));
                assertStreamError(client.next(), c[1], c[2]);
                assertThrows(TransportException.class, client::next);
            }
        }
    }

    @Test
    void dropClosesWithoutAStanza() throws Exception {
        try (TestClient c = f.interop(USER, 0)) {
            assertPingAnswered(c, "sync");
            assertTrue(f.emulator.dropConnection(USER_ID, 0));
            assertThrows(TransportException.class, c::next);
        }
    }

    @Test
    void silenceLeavesTheSocketOpenButAnswersNothing() throws Exception {
        try (TestClient c = f.interop(USER, 0)) {
            assertPingAnswered(c, "sync");
            assertTrue(f.emulator.silence(USER_ID, 0));
            c.send(EmulatorFixture.ping("unanswered"));
            assertThrows(ReceiveTimeoutException.class, () -> c.socket.receive(Duration.ofMillis(500)));
            assertTrue(c.socket.isOpen());
        }
    }

    @Test
    void corruptedFrameFailsTheClientsDecryption() throws Exception {
        try (TestClient c = f.interop(USER, 0)) {
            assertPingAnswered(c, "sync");
            assertTrue(f.emulator.corruptNextFrame(USER_ID, 0));
            c.send(EmulatorFixture.ping("corrupted-reply"));
            assertThrows(CorruptFrameException.class, c::next);
        }
    }

    @Test
    void replayedFrameFailsTheClientsDecryption() throws Exception {
        try (TestClient c = f.interop(USER, 0)) {
            assertPingAnswered(c, "sync");
            assertTrue(f.emulator.replayLastFrame(USER_ID, 0));
            assertThrows(CorruptFrameException.class, c::next, "old nonce: the frame cannot decrypt again");
        }
    }

    @Test
    void delayedFramesStillArriveInOrder() throws Exception {
        try (TestClient c = f.interop(USER, 0)) {
            assertPingAnswered(c, "sync");
            assertTrue(f.emulator.delayOutgoing(USER_ID, 0, Duration.ofMillis(50)));
            c.send(EmulatorFixture.ping("d1"));
            c.send(EmulatorFixture.ping("d2"));
            assertEquals("d1", c.nextNonIb().attrs().requireString("id"));
            assertEquals("d2", c.nextNonIb().attrs().requireString("id"));
        }
    }

    @Test
    void knobsOnAnOfflineDeviceReportFalse() throws Exception {
        assertEquals(false, f.emulator.dropConnection("nobody", 0));
        assertEquals(false, f.emulator.silence("nobody", 0));
        assertEquals(false, f.emulator.corruptNextFrame("nobody", 0));
    }
}
