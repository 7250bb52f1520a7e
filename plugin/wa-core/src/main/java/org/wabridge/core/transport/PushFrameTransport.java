/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import java.util.concurrent.Executor;

/**
 * A {@link FrameTransport} that can switch from blocking {@link #receive} (kept for the Noise handshake and the
 * login answer) to push delivery, so that a logged-in connection parks no thread while it waits.
 */
public interface PushFrameTransport extends FrameTransport {

    /**
     * From now on, frames already received and all later ones go to {@code listener}, one at a time and in
     * order, on {@code executor}; then {@link FrameListener#onClosed} once. {@link #receive} may no longer be
     * called. Call at most once.
     */
    void listen(FrameListener listener, Executor executor);
}
