/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.binary.Node;
import org.wabridge.core.noise.HandshakeException;
import org.wabridge.core.transport.ConnectionIntro;
import org.wabridge.core.transport.JdkWebSocketTransport;
import org.wabridge.core.transport.TransportException;

/** Resource bounds of the listeners: the connection cap, the WebSocket path, the frame-size limit. */
class ListenerLimitsTest {
    @TempDir
    Path dir;

    @Test
    void connectionsBeyondTheCapAreClosedAndCounted() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(dir, EmulatorConfig.defaults().withLimits(1, 1 << 20, 100, 100, 10))) {
            try (TestClient first = f.interop(1L, 0)) {
                assertThrows(HandshakeException.class, () -> f.interop(2L, 0));
                assertEquals(1, f.emulator.counters().connectionsRefused());
                first.send(EmulatorFixture.ping("first-still-served"));
                assertEquals("first-still-served", first.nextNonIb().attrs().requireString("id"));
            }
        }
    }

    @Test
    void webSocketOnAnotherPathIsRefused() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(dir)) {
            URI wrong = URI.create(f.emulator.webSocketUri().toString().replace("/ws/chat", "/other"));
            assertThrows(TransportException.class, () -> {
                JdkWebSocketTransport t = JdkWebSocketTransport.connect(HttpClient.newHttpClient(), wrong, Map.of(),
                        new ConnectionIntro(null, 6, 3), 1 << 20, TestClient.WAIT);
                t.send(new byte[] {1});
                t.receive(TestClient.WAIT);
            });
            try (TestClient ok = TestClient.ws(f.emulator, TestClient.interopPayload(5L, 0,
                    f.idp.token("5", f.clock.instant())))) {
                assertEquals("success", ok.next().tag());
            }
        }
    }

    @Test
    void frameAboveTheLimitEndsTheConnection() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(dir, EmulatorConfig.defaults().withLimits(8, 4096, 100, 100, 10))) {
            try (TestClient c = f.interop(7L, 0)) {
                c.send(Node.builder("iq").attr("id", "big").attr("xmlns", "w:p").attr("type", "get")
                        .bytes(new byte[8192]).build());
                assertThrows(TransportException.class, () -> {
                    while (true) {
                        c.next();
                    }
                });
            }
            try (TestClient again = f.interop(7L, 0)) {
                again.send(EmulatorFixture.ping("ok"));
                assertEquals(List.of("ok"), List.of(again.nextNonIb().attrs().requireString("id")));
            }
        }
    }
}
