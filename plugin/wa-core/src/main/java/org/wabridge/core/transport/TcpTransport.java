/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames over a plain TCP socket (the native-client transport, whatsapp-protocol.md §2.1). A daemon reader
 * thread decodes the stream into the receive queue. Client side: {@link #connect}; server side:
 * {@link #accept}, which also parses the client's connection intro.
 */
public final class TcpTransport extends QueuedFrameTransport {
    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);
    private static final int READ_BUFFER = 64 * 1024;

    private final Socket socket;
    private final OutputStream out;
    private final int maxFrameSize;
    private final InboundStreamDecoder serverDecoder;
    private final FrameCodec.Decoder clientDecoder;
    private byte[] pendingIntro;
    private volatile ConnectionIntro peerIntro;

    private TcpTransport(Socket socket, int maxFrameSize, byte[] intro, Set<Integer> acceptedDictVersions)
            throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.maxFrameSize = maxFrameSize;
        this.pendingIntro = intro;
        this.serverDecoder = acceptedDictVersions == null ? null
                : new InboundStreamDecoder(acceptedDictVersions, maxFrameSize);
        this.clientDecoder = acceptedDictVersions == null ? FrameCodec.decoder(maxFrameSize) : null;
        socket.setTcpNoDelay(true);
        Thread reader = new Thread(this::readLoop, "wa-tcp-" + socket.getRemoteSocketAddress());
        reader.setDaemon(true);
        reader.start();
    }

    /** Client: connects and queues {@code intro} to precede the first frame. */
    public static TcpTransport connect(InetSocketAddress address, ConnectionIntro intro, int maxFrameSize,
                                       Duration connectTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(address, (int) connectTimeout.toMillis());
            return new TcpTransport(socket, maxFrameSize, intro.encode(), null);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Server: accepts one connection; its intro is checked against {@code acceptedDictVersions}. */
    public static TcpTransport accept(ServerSocket server, Set<Integer> acceptedDictVersions, int maxFrameSize)
            throws IOException {
        Socket socket = server.accept();
        try {
            return new TcpTransport(socket, maxFrameSize, null, acceptedDictVersions);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void send(byte[] frame) throws TransportException {
        byte[] encoded = FrameCodec.encode(frame, maxFrameSize);
        synchronized (out) {
            ensureOpen();
            try {
                if (pendingIntro != null) {
                    out.write(pendingIntro);
                    pendingIntro = null;
                }
                out.write(encoded);
                out.flush();
            } catch (IOException e) {
                close("write failed: " + e.getMessage());
                throw new TransportClosedException("write failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Optional<ConnectionIntro> peerIntro() {
        return Optional.ofNullable(peerIntro);
    }

    private void readLoop() {
        byte[] buffer = new byte[READ_BUFFER];
        try (InputStream in = socket.getInputStream()) {
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    if (serverDecoder != null) {
                        serverDecoder.endOfStream();
                    } else {
                        clientDecoder.endOfStream();
                    }
                    fail(new TransportClosedException("peer closed the connection"));
                    return;
                }
                List<byte[]> frames;
                if (serverDecoder != null) {
                    frames = serverDecoder.feed(buffer, 0, n);
                    peerIntro = serverDecoder.intro().orElse(null);
                } else {
                    frames = clientDecoder.feed(buffer, 0, n);
                }
                for (byte[] frame : frames) {
                    deliver(frame);
                }
            }
        } catch (TransportException e) {
            LOG.warn("closing TCP connection to {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
            fail(e);
        } catch (SocketException e) {
            fail(new TransportClosedException("socket closed: " + e.getMessage(), e));
        } catch (IOException e) {
            fail(new TransportClosedException("read failed: " + e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new TransportClosedException("reader interrupted", e));
        }
    }

    private void fail(TransportException cause) {
        if (terminate(cause)) {
            closeResources();
        }
    }

    @Override
    protected void closeResources() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("error closing socket", e);
        }
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }
}
