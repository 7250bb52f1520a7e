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
import org.wabridge.core.transport.JdkWebSocketTransport;
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

    /** Raw TCP, e.g. {@code g.whatsapp.net:443} or the emulator's loopback port. */
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

    /** WebSocket with extra upgrade headers (e.g. {@code Origin}). */
    static TransportConnector webSocket(HttpClient client, URI uri, Map<String, String> headers,
                                        ProtocolProfile profile, Duration timeout) {
        return routingInfo -> JdkWebSocketTransport.connect(client, uri, headers,
                ConnectionIntro.forProfile(profile, routingInfo), profile.maxFrameSize(), timeout);
    }
}
