/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.transport.FrameTransport;
import org.wabridge.core.transport.TcpTransport;

/** Raw TCP listener: each accepted socket becomes a server-side {@link TcpTransport} (intro parsed there). */
final class TcpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);
    private final ServerSocket server;
    private final Thread acceptor;

    TcpListener(InetSocketAddress bind, Set<Integer> dictVersions, int maxFrameSize, Consumer<FrameTransport> sink)
            throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(bind, 64);
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    sink.accept(TcpTransport.accept(server, dictVersions, maxFrameSize));
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        LOG.warn("accept failed: {}", e.getMessage());
                    }
                }
            }
        }, "wa-emulator-tcp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
