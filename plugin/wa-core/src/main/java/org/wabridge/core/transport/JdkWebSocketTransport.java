/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client frames over {@code java.net.http.WebSocket} binary messages (the web transport, whatsapp-protocol.md
 * §2.1). Message boundaries mean nothing: every received fragment is fed to one {@link FrameCodec.Decoder}
 * so frames split across messages, or packed several to a message, come out whole. Each sent frame is one
 * binary message; the first one is preceded by the connection intro in the same message.
 */
public final class JdkWebSocketTransport extends QueuedFrameTransport {
    private static final Logger LOG = LoggerFactory.getLogger(JdkWebSocketTransport.class);

    private final int maxFrameSize;
    private final FrameCodec.Decoder decoder;
    private final Object sendLock = new Object();
    private volatile WebSocket webSocket;
    private byte[] pendingIntro;

    private JdkWebSocketTransport(ConnectionIntro intro, int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
        this.decoder = FrameCodec.decoder(maxFrameSize);
        this.pendingIntro = intro.encode();
    }

    /**
     * Opens the WebSocket (e.g. {@code wss://…/ws/chat}); {@code headers} carries extras such as
     * {@code Origin}. Fails with {@link TransportClosedException} if the upgrade does not complete in time.
     */
    public static JdkWebSocketTransport connect(HttpClient client, URI uri, Map<String, String> headers,
                                                ConnectionIntro intro, int maxFrameSize, Duration timeout)
            throws TransportException {
        JdkWebSocketTransport transport = new JdkWebSocketTransport(intro, maxFrameSize);
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(timeout);
        headers.forEach(builder::header);
        try {
            transport.webSocket = builder.buildAsync(uri, transport.new Listener())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return transport;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportClosedException("interrupted while connecting to " + uri, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TransportClosedException("WebSocket connection to " + uri + " failed: " + e, e);
        }
    }

    @Override
    public void send(byte[] frame) throws TransportException {
        byte[] encoded = FrameCodec.encode(frame, maxFrameSize);
        synchronized (sendLock) { // the JDK WebSocket allows one outstanding send at a time
            ensureOpen();
            ByteBuffer message;
            if (pendingIntro != null) {
                message = ByteBuffer.allocate(pendingIntro.length + encoded.length).put(pendingIntro).put(encoded).flip();
                pendingIntro = null;
            } else {
                message = ByteBuffer.wrap(encoded);
            }
            try {
                webSocket.sendBinary(message, true).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportClosedException("interrupted while sending", e);
            } catch (ExecutionException e) {
                close("send failed: " + e.getCause());
                throw new TransportClosedException("send failed: " + e.getCause(), e.getCause());
            }
        }
    }

    @Override
    protected void closeResources() {
        WebSocket ws = webSocket;
        if (ws != null && !ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, TimeUnit.SECONDS)
                    .whenComplete((r, e) -> ws.abort());
        } else if (ws != null) {
            ws.abort();
        }
    }

    private void fail(TransportException cause) {
        if (terminate(cause)) {
            closeResources();
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            try {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                List<byte[]> frames = decoder.feed(bytes, 0, bytes.length);
                for (byte[] frame : frames) {
                    deliver(frame); // blocks this listener while the queue is full: back-pressure
                }
                ws.request(1);
            } catch (TransportException e) {
                LOG.warn("closing WebSocket: {}", e.getMessage());
                fail(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(new TransportClosedException("listener interrupted", e));
            }
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            fail(new TransportClosedException("peer sent a text WebSocket message; only binary is allowed"));
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            try {
                decoder.endOfStream();
                fail(new TransportClosedException("peer closed the WebSocket (" + statusCode + " " + reason + ")"));
            } catch (TruncatedFrameException e) {
                fail(e);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            fail(new TransportClosedException("WebSocket error: " + error, error));
        }
    }
}
