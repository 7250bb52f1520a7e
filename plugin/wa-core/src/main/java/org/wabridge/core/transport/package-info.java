/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Moving opaque WhatsApp frames (whatsapp-protocol.md §2.1–§2.3): the pure {@link org.wabridge.core.transport.FrameCodec}
 * (3-byte length framing, incremental reassembly, a size cap) and {@link org.wabridge.core.transport.ConnectionIntro}
 * ({@code ED} routing prefix, {@code WA} header), and the {@link org.wabridge.core.transport.FrameTransport} pipe. The
 * push transports ({@link org.wabridge.core.transport.PushFrameTransport}: blocking receive for the handshake, then
 * frames pushed to a {@link org.wabridge.core.transport.FrameListener}) are the default:
 * {@link org.wabridge.core.transport.NioTcpTransport} on one shared {@link org.wabridge.core.transport.NioTransportLoop}
 * thread per runtime (client and server), and {@link org.wabridge.core.transport.JdkWebSocketTransport} (client); both
 * keep memory per connection bounded by {@link org.wabridge.core.transport.FlowLimits}. The thread-per-connection
 * {@link org.wabridge.core.transport.TcpTransport} remains as the reference and for callers without a loop. Every
 * failure is a typed {@link org.wabridge.core.transport.TransportException}.
 */
package org.wabridge.core.transport;
