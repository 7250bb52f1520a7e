/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.binary.Node;
import org.wabridge.core.transport.TransportException;

/**
 * Input the emulator cannot accept below the stanza level (a frame above the size limit, a frame that fails
 * to decrypt) ends only that connection, and with a {@code <stream:error>} first (whatsapp-protocol.md §5.12)
 * rather than a silent drop; the emulator keeps serving everyone else. Also: no thread per TCP connection.
 */
class MalformedFrameTest {
    @TempDir
    Path dir;

    private static void assertStreamErrorThenEnd(TestClient c) throws Exception {
        Node error = c.nextNonIb();
        assertEquals("stream:error", error.tag());
        assertNotNull(error.child("xml-not-well-formed"));
        assertThrows(TransportException.class, () -> {
            while (true) {
                c.next();
            }
        });
    }

    private static void assertPingAnswered(TestClient c, String id) throws Exception {
        c.send(EmulatorFixture.ping(id));
        assertEquals(id, c.nextNonIb().attrs().requireString("id"));
    }

    @Test
    void oversizedFrameOverTcpGetsAStreamErrorBeforeTheClose() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(dir, EmulatorConfig.defaults().withLimits(8, 4096, 100, 100, 10));
             TestClient healthy = f.interop(1L, 0); TestClient big = f.interop(2L, 0)) {
            big.send(Node.builder("iq").attr("id", "big").attr("xmlns", "w:p").attr("type", "get")
                    .bytes(new byte[8192]).build());
            assertStreamErrorThenEnd(big);
            assertPingAnswered(healthy, "still-serving");
            assertEquals(1, f.emulator.counters().malformedInputs());
        }
    }

    @Test
    void oversizedFrameOverWebSocketGetsAStreamErrorBeforeTheClose() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(dir, EmulatorConfig.defaults().withLimits(8, 4096, 100, 100, 10));
             TestClient healthy = f.interop(1L, 0);
             TestClient big = TestClient.ws(f.emulator, TestClient.interopPayload(2L, 0,
                     f.idp.token("2", f.clock.instant())))) {
            assertEquals("success", big.next().tag());
            big.send(Node.builder("iq").attr("id", "big").attr("xmlns", "w:p").attr("type", "get")
                    .bytes(new byte[8192]).build());
            assertStreamErrorThenEnd(big);
            assertPingAnswered(healthy, "still-serving");
            assertEquals(1, f.emulator.counters().malformedInputs());
        }
    }

    @Test
    void frameThatFailsToDecryptGetsAStreamErrorBeforeTheClose() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(dir); TestClient healthy = f.interop(1L, 0);
             TestClient broken = f.interop(2L, 0)) {
            broken.transport.send(new byte[40]); // below Noise: no valid GCM tag
            assertStreamErrorThenEnd(broken);
            assertPingAnswered(healthy, "still-serving");
            assertEquals(1, f.emulator.counters().malformedInputs());
        }
    }

    @Test
    void tcpConnectionsCostTheEmulatorNoThreads() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(dir)) {
            java.util.List<TestClient> clients = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 60; i++) {
                    clients.add(f.interop(100L + i, 0));
                }
                for (TestClient c : clients) {
                    assertPingAnswered(c, "ping");
                }
                long emulatorThreads = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("wa-emulator")).count();
                // one selector loop plus the fixed worker pool, whatever the number of connections
                assertTrue(emulatorThreads <= WaEmulator.WORKERS + 1, emulatorThreads + " emulator threads");
                assertEquals(60, f.emulator.liveConnections());
            } finally {
                clients.forEach(TestClient::close);
            }
        }
    }

    @Test
    void webSocketClientThatFloodsTheEmulatorIsClosedAndTheSelectorKeepsServing() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(dir)) {
            TestClient flooder = TestClient.ws(f.emulator, TestClient.interopPayload(9L, 0,
                    f.idp.token("9", f.clock.instant())));
            assertEquals("success", flooder.next().tag());
            // the worker handling this client now sleeps in every reply, so its frames pile up unread
            assertTrue(f.emulator.delayOutgoing("9", 0, Duration.ofSeconds(3)));
            TransportException refused = assertThrows(TransportException.class, () -> {
                for (int i = 0; i < 5000; i++) {
                    flooder.send(EmulatorFixture.ping("flood-" + i));
                }
                while (true) {
                    flooder.next();
                }
            });
            assertNotNull(refused);
            // the client may see its own failed sends before the 1008 close frame; the emulator knows why
            // (counted when the worker that was busy with this client's backlog gets to its close)
            for (int i = 0; i < 200 && f.emulator.counters().clientsFlooding() == 0; i++) {
                Thread.sleep(50);
            }
            assertEquals(1, f.emulator.counters().clientsFlooding());
            // the shared selector thread was never blocked: a new client logs in and is answered
            try (TestClient other = TestClient.ws(f.emulator, TestClient.interopPayload(10L, 0,
                    f.idp.token("10", f.clock.instant())))) {
                assertEquals("success", other.next().tag());
                assertPingAnswered(other, "served");
            }
        }
    }
}
