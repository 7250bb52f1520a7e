/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.Optional;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.wabridge.core.transport.ConnectionIntro;
import org.wabridge.core.transport.FrameCodec;
import org.wabridge.core.transport.CallbackFrameTransport;
import org.wabridge.core.transport.FlowLimits;
import org.wabridge.core.transport.InboundQueueFullException;
import org.wabridge.core.transport.InboundStreamDecoder;
import org.wabridge.core.transport.PushFrameTransport;
import org.wabridge.core.transport.WriteQueueFullException;
import org.wabridge.core.transport.TransportClosedException;
import org.wabridge.core.transport.TransportException;

/**
 * WebSocket listener on {@code /ws/chat} (whatsapp-protocol.md §2.1), on Java-WebSocket (already the
 * project's test WebSocket server, RFC 6455 incl. fragmentation, masking, ping/pong and close handling, with
 * a cap on a message's size). Binary messages are a byte stream: intro and frames are reassembled across
 * them. Text messages and other paths are refused.
 */
final class WebSocketListener extends WebSocketServer {
    static final String PATH = "/ws/chat";

    private final int maxFrameSize;
    private final Set<Integer> dictVersions;
    private final Consumer<PushFrameTransport> sink;
    private final CountDownLatch started = new CountDownLatch(1);
    private final FlowLimits connectionLimits;

    /** Messages a client may leave unread in Java-WebSocket's out-queue before it is closed. */
    static final int OUT_QUEUE_MESSAGES = 4096;

    WebSocketListener(InetSocketAddress bind, Set<Integer> dictVersions, int maxFrameSize, FlowLimits limits,
                      Consumer<PushFrameTransport> sink) {
        super(bind, 1, List.of(new Draft_6455(Collections.emptyList(), List.of(new Protocol("")),
                maxFrameSize + FrameCodec.HEADER_SIZE + 64 * 1024)));
        this.maxFrameSize = maxFrameSize;
        this.dictVersions = Set.copyOf(dictVersions);
        this.sink = sink;
        this.connectionLimits = limits;
        setReuseAddr(true);
        setDaemon(true);
    }

    void startAndWait() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("WebSocket listener did not start");
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String resource = handshake.getResourceDescriptor();
        String path = resource.contains("?") ? resource.substring(0, resource.indexOf('?')) : resource;
        if (!PATH.equals(path)) {
            conn.close(1008, "unknown path");
            return;
        }
        Connection c = new Connection(conn);
        conn.setAttachment(c);
        sink.accept(c);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        Connection c = conn.getAttachment();
        if (c != null) {
            byte[] bytes = new byte[message.remaining()];
            message.get(bytes);
            c.onBytes(bytes);
        }
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.close(1003, "binary messages only");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Connection c = conn.getAttachment();
        if (c != null) {
            c.onClosed("peer closed the WebSocket (" + code + ")");
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn != null && conn.getAttachment() != null) {
            ((Connection) conn.getAttachment()).onClosed("WebSocket error: " + ex.getMessage());
        }
    }

    /**
     * One accepted WebSocket as a push frame transport. Java-WebSocket cannot pause one connection's reads,
     * so a client that sends more than {@link FlowLimits#inboundFrames()} frames ahead of the emulator is
     * closed (1008) rather than buffered without bound or allowed to block the shared selector thread.
     * Outgoing data is bounded the same way by the library's out-queue length.
     */
    private final class Connection extends CallbackFrameTransport {
        private final WebSocket socket;
        private final InboundStreamDecoder decoder = new InboundStreamDecoder(dictVersions, maxFrameSize);

        Connection(WebSocket socket) {
            super(connectionLimits);
            this.socket = socket;
        }

        /** Selector thread: never blocks. */
        void onBytes(byte[] bytes) {
            List<byte[]> frames;
            try {
                frames = decoder.feed(bytes, 0, bytes.length);
            } catch (TransportException e) {
                inputFailed(e); // the session answers with a stream error, then closes
                return;
            }
            for (byte[] frame : frames) {
                if (!received(frame)) {
                    if (!inputEnded()) { // not ended, so the queue is full
                        String why = "client sent more than " + limits.inboundFrames() + " frames ahead of the emulator";
                        socket.close(1008, "too many unread frames");
                        abort(new InboundQueueFullException(why)); // its backlog is dropped, not processed
                    }
                    return;
                }
            }
        }

        void onClosed(String reason) {
            terminate(new TransportClosedException(reason));
        }

        @Override
        public Optional<ConnectionIntro> peerIntro() {
            return decoder.intro();
        }

        @Override
        public synchronized void send(byte[] frame) throws TransportException {
            ensureOpen();
            if (socket instanceof WebSocketImpl && ((WebSocketImpl) socket).outQueue.size() >= OUT_QUEUE_MESSAGES) {
                String why = "client is not reading: " + OUT_QUEUE_MESSAGES + " messages unsent";
                close(why);
                throw new WriteQueueFullException(why);
            }
            try {
                socket.send(FrameCodec.encode(frame, maxFrameSize));
            } catch (WebsocketNotConnectedException e) {
                throw new TransportClosedException("WebSocket not connected", e);
            }
        }

        @Override
        protected void resumeReading() {
            // never paused: a full queue closes the connection instead (see class comment)
        }

        @Override
        protected void closeResources() {
            if (socket.isOpen()) {
                socket.close(); // after the last send: Java-WebSocket flushes its out-queue before the close frame
            }
        }
    }
}
