/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JdkWebSocketTransport} in push mode against a real WebSocket server on loopback: frames packed several
 * to a message and split across messages come out whole and in order, sends are queued without blocking, and
 * the close is reported once.
 */
class JdkWebSocketPushTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ExecutorService delivery = Executors.newSingleThreadExecutor();
    private WebSocketTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new WebSocketTestServer(1 << 20, 5); // the server splits its frames into 5-byte messages
        server.startAndWait();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(1000);
        delivery.shutdownNow();
    }

    @Test
    void framesAreDeliveredInOrderAndTheCloseOnce() throws Exception {
        JdkWebSocketTransport client = JdkWebSocketTransport.connect(HttpClient.newHttpClient(),
                URI.create("ws://127.0.0.1:" + server.boundPort() + "/ws/chat"), Map.of(),
                new ConnectionIntro(null, 6, 3), 1 << 20, WAIT);
        List<byte[]> frames = new CopyOnWriteArrayList<>();
        BlockingQueue<TransportException> closes = new LinkedBlockingQueue<>();
        client.listen(new FrameListener() {
            @Override
            public void onFrame(byte[] frame) {
                frames.add(frame);
            }

            @Override
            public void onClosed(TransportException cause) {
                closes.add(cause);
            }
        }, delivery);
        for (int i = 0; i < 50; i++) {
            client.send(new byte[] {(byte) i, 1, 2, 3, 4, 5, 6});
        }
        WebSocketTestServer.Connection conn = server.nextConnection();
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(new byte[] {(byte) i, 1, 2, 3, 4, 5, 6}, conn.receive(WAIT), "frame " + i);
        }
        conn.sendRaw(new byte[] {0, 0, 1, 'a', 0, 0, 2, 'b', 'c'}); // two frames in one message
        conn.send(new byte[] {'d', 'e', 'f', 'g', 'h', 'i'}); // one frame over two messages
        conn.close("bye");
        TransportException cause = closes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(cause);
        assertInstanceOf(TransportClosedException.class, cause);
        assertEquals(List.of("a", "bc", "defghi"), frames.stream().map(String::new).toList());
        assertFalse(client.isOpen());
        assertEquals(null, closes.poll(100, TimeUnit.MILLISECONDS), "close reported twice");
        assertThrows(IllegalStateException.class, () -> client.receive(WAIT));
    }
}
