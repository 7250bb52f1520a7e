/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Test fixture: a loopback WebSocket server (Java-WebSocket, test scope only) that turns each accepted
 * connection into a server-side {@link FrameTransport}. Outgoing frames are cut into WebSocket messages of
 * {@code chunkSize} bytes, so clients must reassemble frames across messages.
 *
 * <p>Why a library and not our own RFC 6455 server: the server side only exists for tests and the emulator,
 * and a WebSocket server is a protocol of its own (upgrade, masking, fragmentation, close handshake) that
 * would need its own test suite. The frame logic the emulator needs is already reusable in main code:
 * {@link InboundStreamDecoder} and {@link QueuedFrameTransport}; this adapter shows the ~60 lines that
 * connect them to any WebSocket server (Java-WebSocket here, Jetty's in the emulator if preferred).
 */
public final class WebSocketTestServer extends WebSocketServer {
    private final int maxFrameSize;
    private final int chunkSize;
    private final BlockingQueue<Connection> accepted = new LinkedBlockingQueue<>();
    private final CountDownLatch started = new CountDownLatch(1);

    public WebSocketTestServer(int maxFrameSize, int chunkSize) {
        super(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
        this.maxFrameSize = maxFrameSize;
        this.chunkSize = chunkSize;
        setReuseAddr(true);
    }

    public void startAndWait() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("WebSocket test server did not start");
        }
    }

    public int boundPort() {
        return getPort();
    }

    public Connection nextConnection() throws InterruptedException {
        Connection c = accepted.poll(10, TimeUnit.SECONDS);
        if (c == null) {
            throw new IllegalStateException("no WebSocket connection arrived");
        }
        return c;
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Connection c = new Connection(conn);
        conn.setAttachment(c);
        accepted.add(c);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        Connection c = conn.getAttachment();
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        c.onBytes(bytes);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.close(1003, "binary only");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Connection c = conn.getAttachment();
        if (c != null) {
            c.onClosed(code, reason);
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn != null && conn.getAttachment() != null) {
            ((Connection) conn.getAttachment()).onClosed(1011, String.valueOf(ex));
        }
    }

    /** One accepted WebSocket as a frame transport. */
    public final class Connection extends QueuedFrameTransport {
        private final WebSocket socket;
        private final InboundStreamDecoder decoder = new InboundStreamDecoder(Set.of(3), maxFrameSize);

        Connection(WebSocket socket) {
            this.socket = socket;
        }

        void onBytes(byte[] bytes) {
            try {
                List<byte[]> frames = decoder.feed(bytes, 0, bytes.length);
                for (byte[] frame : frames) {
                    deliver(frame);
                }
            } catch (TransportException e) {
                if (terminate(e)) {
                    closeResources();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void onClosed(int code, String reason) {
            if (terminate(new TransportClosedException("peer closed the WebSocket (" + code + " " + reason + ")"))) {
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
            byte[] encoded = FrameCodec.encode(frame, maxFrameSize);
            for (int off = 0; off < encoded.length; off += chunkSize) {
                int len = Math.min(chunkSize, encoded.length - off);
                socket.send(ByteBuffer.wrap(encoded, off, len));
            }
        }

        /** Sends raw bytes as one message, bypassing framing (to test a client's error handling). */
        public void sendRaw(byte[] bytes) {
            socket.send(bytes);
        }

        @Override
        protected void closeResources() {
            socket.close();
        }
    }
}
