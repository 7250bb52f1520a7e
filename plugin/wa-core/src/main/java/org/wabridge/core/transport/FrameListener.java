/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

/**
 * Receives a push transport's frames (see {@link PushFrameTransport#listen}). Calls for one connection never
 * overlap and come in wire order; {@link #onClosed} comes exactly once, after the last frame.
 */
public interface FrameListener {

    /** One whole frame body (no length header). */
    void onFrame(byte[] frame);

    /**
     * No more frames will come. {@code cause} says why: {@link TransportClosedException} for an orderly or
     * local close, or the decoding error ({@link FrameTooLargeException}, {@link TruncatedFrameException},
     * {@link ConnectionIntroException}) that stopped input; in that case the transport may still be open for
     * writing (so a server can answer with a stream error) and the listener is expected to close it.
     */
    void onClosed(TransportException cause);
}
