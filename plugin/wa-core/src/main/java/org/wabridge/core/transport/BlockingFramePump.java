/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import java.util.concurrent.Executor;

/**
 * Push delivery over a transport that only knows blocking {@link FrameTransport#receive}, such as
 * {@link TcpTransport}: one task on the given executor receives in a loop for the connection's lifetime. This
 * is the thread-per-connection model kept for the legacy transports and as the reference in benchmarks; the
 * push transports ({@link PushFrameTransport}) need no pump.
 */
public final class BlockingFramePump {
    private BlockingFramePump() {
    }

    /** Delivers {@code transport}'s frames to {@code listener}: natively if it can push, else by a pump task. */
    public static void listen(FrameTransport transport, FrameListener listener, Executor executor) {
        if (transport instanceof PushFrameTransport) {
            ((PushFrameTransport) transport).listen(listener, executor);
            return;
        }
        executor.execute(() -> pump(transport, listener));
    }

    private static void pump(FrameTransport transport, FrameListener listener) {
        while (true) {
            byte[] frame;
            try {
                frame = transport.receive(null);
            } catch (TransportException e) {
                listener.onClosed(e);
                return;
            }
            listener.onFrame(frame);
        }
    }
}
