/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Moving opaque WhatsApp frames (whatsapp-protocol.md §2.1–§2.3): the pure {@link org.wabridge.core.transport.FrameCodec}
 * (3-byte length framing, incremental reassembly, a size cap) and {@link org.wabridge.core.transport.ConnectionIntro}
 * ({@code ED} routing prefix, {@code WA} header), and the {@link org.wabridge.core.transport.FrameTransport} pipe with
 * {@link org.wabridge.core.transport.TcpTransport} (client and server) and {@link org.wabridge.core.transport.JdkWebSocketTransport}
 * (client). Server transports for other sockets build on {@link org.wabridge.core.transport.QueuedFrameTransport} and
 * {@link org.wabridge.core.transport.InboundStreamDecoder}. Every failure is a typed {@link org.wabridge.core.transport.TransportException}.
 */
package org.wabridge.core.transport;
