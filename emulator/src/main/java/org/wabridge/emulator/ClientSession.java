/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.binary.Node;
import org.wabridge.core.binary.NodeFrames;
import org.wabridge.core.noise.NoiseSocket;
import org.wabridge.core.transport.FrameListener;
import org.wabridge.core.transport.TransportException;

/** One authenticated connection: who it is, and how to send nodes or end it. Thread-safe. */
final class ClientSession {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    private final DeviceAddress address;
    private final String pushName;
    private final NoiseSocket socket;
    private final FaultInjectingTransport transport;

    ClientSession(DeviceAddress address, String pushName, NoiseSocket socket, FaultInjectingTransport transport) {
        this.address = address;
        this.pushName = pushName;
        this.socket = socket;
        this.transport = transport;
    }

    DeviceAddress address() {
        return address;
    }

    String pushName() {
        return pushName;
    }

    FaultInjectingTransport transport() {
        return transport;
    }

    /** From now on the client's decrypted frames go to {@code listener}, in order, on {@code executor}. */
    void listen(FrameListener listener, Executor executor) {
        socket.listen(listener, executor);
    }

    boolean isOpen() {
        return socket.isOpen();
    }

    /** Sends one node; a failed write ends the session (the device's queue keeps un-acked stanzas). */
    boolean send(Node node) {
        try {
            socket.send(NodeFrames.standard().pack(node));
            return true;
        } catch (TransportException e) {
            LOG.debug("send to {} failed: {}", address, e.getMessage());
            socket.close("send failed");
            return false;
        }
    }

    /** Sends the stream error, then closes the connection. */
    void endWith(StreamErrorKind kind) {
        send(kind.toNode());
        socket.close("stream error " + kind);
    }

    /** Closes the socket without a word (the client sees the TCP/WS connection drop). */
    void drop() {
        socket.close("dropped by fault injection");
    }
}
