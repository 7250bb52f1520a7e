/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
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
 *
 * <p>Push-style on both sides, no thread of its own: the JDK's listener is asynchronous, a message is
 * requested only while the inbound queue has room (back-pressure), and sends are chained on completion
 * through a write queue bounded by {@link FlowLimits#writeQueueBytes()} (the JDK allows one outstanding send).
 */
public final class JdkWebSocketTransport extends CallbackFrameTransport {
    private static final Logger LOG = LoggerFactory.getLogger(JdkWebSocketTransport.class);

    private final int maxFrameSize;
    private final FrameCodec.Decoder decoder;
    private final Object sendLock = new Object();
    private final Object demandLock = new Object();
    private final ArrayDeque<ByteBuffer> sendQueue = new ArrayDeque<>(2);
    private long queuedBytes;
    private boolean sending;
    private boolean pumping;
    private boolean demandOwed;
    private volatile WebSocket webSocket;
    private byte[] pendingIntro;

    private JdkWebSocketTransport(ConnectionIntro intro, int maxFrameSize, FlowLimits limits) {
        super(limits);
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
        return connect(client, uri, headers, intro, maxFrameSize, FlowLimits.defaults(), timeout);
    }

    /** As above with explicit memory bounds. */
    public static JdkWebSocketTransport connect(HttpClient client, URI uri, Map<String, String> headers,
                                                ConnectionIntro intro, int maxFrameSize, FlowLimits limits,
                                                Duration timeout) throws TransportException {
        JdkWebSocketTransport transport = new JdkWebSocketTransport(intro, maxFrameSize, limits);
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
        synchronized (sendLock) {
            ensureOpen();
            ByteBuffer message;
            if (pendingIntro != null) {
                message = ByteBuffer.allocate(pendingIntro.length + encoded.length).put(pendingIntro).put(encoded).flip();
                pendingIntro = null;
            } else {
                message = ByteBuffer.wrap(encoded);
            }
            if (queuedBytes + message.remaining() > limits.writeQueueBytes()) {
                String why = "peer is not reading: more than " + limits.writeQueueBytes() + " bytes unsent";
                close(why);
                throw new WriteQueueFullException(why);
            }
            sendQueue.add(message);
            queuedBytes += message.remaining();
            pump();
        }
    }

    /** Starts the next send unless one is outstanding; a loop, not recursion, if sends complete at once. */
    private void pump() {
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            ByteBuffer next;
            while (!sending && (next = sendQueue.poll()) != null) {
                queuedBytes -= next.remaining();
                sending = true;
                webSocket.sendBinary(next, true).whenComplete((ws, error) -> sent(error));
            }
        } finally {
            pumping = false;
        }
    }

    private void sent(Throwable error) {
        if (error != null) {
            terminate(new TransportClosedException("send failed: " + error, error));
            return;
        }
        synchronized (sendLock) {
            sending = false;
            if (isOpen()) {
                pump();
            }
        }
    }

    @Override
    protected void resumeReading() {
        synchronized (demandLock) {
            if (demandOwed && webSocket != null) {
                demandOwed = false;
                webSocket.request(1);
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

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            List<byte[]> frames;
            try {
                frames = decoder.feed(bytes, 0, bytes.length);
            } catch (TransportException e) {
                LOG.warn("closing WebSocket: {}", e.getMessage());
                terminate(e); // a client has nothing to answer a broken server stream with
                return null;
            }
            for (byte[] frame : frames) {
                received(frame);
            }
            synchronized (demandLock) {
                if (wantsInput()) {
                    ws.request(1);
                } else {
                    demandOwed = true; // resumeReading() requests once the queue drained
                }
            }
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            terminate(new TransportClosedException("peer sent a text WebSocket message; only binary is allowed"));
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            try {
                decoder.endOfStream();
                terminate(new TransportClosedException("peer closed the WebSocket (" + statusCode + " " + reason
                        + ")"));
            } catch (TruncatedFrameException e) {
                terminate(e);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            terminate(new TransportClosedException("WebSocket error: " + error, error));
        }
    }
}
