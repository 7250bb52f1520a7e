/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.function.Consumer;
import org.wabridge.core.transport.FlowLimits;
import org.wabridge.core.transport.NioTcpTransport;
import org.wabridge.core.transport.NioTransportLoop;
import org.wabridge.core.transport.PushFrameTransport;

/**
 * Raw TCP listener on the emulator's shared {@link NioTransportLoop}: accepting and reading cost no thread per
 * connection. Each accepted socket becomes a server-side {@link NioTcpTransport} (intro parsed there).
 */
final class TcpListener implements AutoCloseable {
    private final NioTransportLoop.Listener listener;

    TcpListener(NioTransportLoop loop, InetSocketAddress bind, Set<Integer> dictVersions, int maxFrameSize,
                Consumer<PushFrameTransport> sink) throws IOException {
        listener = loop.listen(bind, 1024, dictVersions, maxFrameSize, FlowLimits.defaults(), sink::accept);
    }

    InetSocketAddress address() {
        return listener.address();
    }

    @Override
    public void close() {
        listener.close();
    }
}
