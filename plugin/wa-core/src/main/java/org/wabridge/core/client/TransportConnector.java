/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.transport.ConnectionIntro;
import org.wabridge.core.transport.FrameTransport;
import org.wabridge.core.transport.FlowLimits;
import org.wabridge.core.transport.JdkWebSocketTransport;
import org.wabridge.core.transport.NioTransportLoop;
import org.wabridge.core.transport.TcpTransport;
import org.wabridge.core.transport.TransportClosedException;
import org.wabridge.core.transport.TransportException;

/**
 * Opens a fresh {@link FrameTransport} to the WhatsApp endpoint (raw TCP or WebSocket, whatsapp-protocol.md
 * §2.1; the interop endpoint is [UNKNOWN] and therefore configuration). Blocking; call it on an executor.
 */
@FunctionalInterface
public interface TransportConnector {

    FrameTransport connect(byte[] routingInfo) throws TransportException;

    /**
     * Raw TCP on a shared {@link NioTransportLoop} (the default): no thread per connection, bounded queues.
     * The loop belongs to the caller (one per plugin), who closes it on shutdown.
     */
    static TransportConnector nioTcp(NioTransportLoop loop, InetSocketAddress address, ProtocolProfile profile,
                                     Duration timeout) {
        return nioTcp(loop, address, profile, FlowLimits.defaults(), timeout);
    }

    /** As {@link #nioTcp(NioTransportLoop, InetSocketAddress, ProtocolProfile, Duration)} with explicit bounds. */
    static TransportConnector nioTcp(NioTransportLoop loop, InetSocketAddress address, ProtocolProfile profile,
                                     FlowLimits limits, Duration timeout) {
        return routingInfo -> loop.connect(address, ConnectionIntro.forProfile(profile, routingInfo),
                profile.maxFrameSize(), limits, timeout);
    }

    /**
     * Raw TCP with a blocking socket and a reader thread per connection ({@link TcpTransport}); kept for
     * comparison (benchmarks) and for callers without a loop. Prefer {@link #nioTcp}.
     */
    static TransportConnector blockingTcp(InetSocketAddress address, ProtocolProfile profile, Duration timeout) {
        return tcp(address, profile, timeout);
    }

    /** Raw TCP over {@link TcpTransport} (thread per connection; see {@link #blockingTcp}), e.g. {@code g.whatsapp.net:443} or the emulator's loopback port. */
    static TransportConnector tcp(InetSocketAddress address, ProtocolProfile profile, Duration timeout) {
        return routingInfo -> {
            try {
                return TcpTransport.connect(address, ConnectionIntro.forProfile(profile, routingInfo),
                        profile.maxFrameSize(), timeout);
            } catch (IOException e) {
                throw new TransportClosedException("cannot connect to " + address + ": " + e.getMessage(), e);
            }
        };
    }

    /** WebSocket with extra upgrade headers (e.g. {@code Origin}); push-style, no thread of its own. */
    static TransportConnector webSocket(HttpClient client, URI uri, Map<String, String> headers,
                                        ProtocolProfile profile, Duration timeout) {
        return routingInfo -> JdkWebSocketTransport.connect(client, uri, headers,
                ConnectionIntro.forProfile(profile, routingInfo), profile.maxFrameSize(), timeout);
    }
}
