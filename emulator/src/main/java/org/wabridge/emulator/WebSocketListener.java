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
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.wabridge.core.transport.ConnectionIntro;
import org.wabridge.core.transport.FrameCodec;
import org.wabridge.core.transport.FrameTransport;
import org.wabridge.core.transport.InboundStreamDecoder;
import org.wabridge.core.transport.QueuedFrameTransport;
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
    private final Consumer<FrameTransport> sink;
    private final CountDownLatch started = new CountDownLatch(1);

    WebSocketListener(InetSocketAddress bind, Set<Integer> dictVersions, int maxFrameSize,
                      Consumer<FrameTransport> sink) {
        super(bind, 1, List.of(new Draft_6455(Collections.emptyList(), List.of(new Protocol("")),
                maxFrameSize + FrameCodec.HEADER_SIZE + 64 * 1024)));
        this.maxFrameSize = maxFrameSize;
        this.dictVersions = Set.copyOf(dictVersions);
        this.sink = sink;
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

    /** One accepted WebSocket as a frame transport. */
    private final class Connection extends QueuedFrameTransport {
        private final WebSocket socket;
        private final InboundStreamDecoder decoder = new InboundStreamDecoder(dictVersions, maxFrameSize);

        Connection(WebSocket socket) {
            this.socket = socket;
        }

        void onBytes(byte[] bytes) {
            try {
                for (byte[] frame : decoder.feed(bytes, 0, bytes.length)) {
                    deliver(frame); // blocks this listener when a reader falls 256 frames behind: bounded memory
                }
            } catch (TransportException e) {
                if (terminate(e)) {
                    closeResources();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void onClosed(String reason) {
            if (terminate(new TransportClosedException(reason))) {
                closeResources();
            }
        }

        @Override
        public java.util.Optional<ConnectionIntro> peerIntro() {
            return decoder.intro();
        }

        @Override
        public synchronized void send(byte[] frame) throws TransportException {
            ensureOpen();
            try {
                socket.send(FrameCodec.encode(frame, maxFrameSize));
            } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
                throw new TransportClosedException("WebSocket not connected", e);
            }
        }

        @Override
        protected void closeResources() {
            socket.close();
        }
    }
}
