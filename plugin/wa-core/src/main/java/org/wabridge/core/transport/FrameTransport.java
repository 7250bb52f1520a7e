/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import java.time.Duration;
import java.util.Optional;

/**
 * A dumb pipe for WhatsApp frames (style rule 2): it adds and strips the 3-byte length and the connection
 * intro, and knows nothing of Noise or nodes. Frames are opaque byte arrays.
 *
 * <p>Threading: {@link #send} may be called from any thread (calls are serialised); {@link #receive} is
 * meant for one reader thread; {@link #close} from anywhere, any number of times.
 */
public interface FrameTransport extends AutoCloseable {

    /** Sends one frame (the client's first send is preceded by its connection intro). */
    void send(byte[] frame) throws TransportException;

    /**
     * The next frame, waiting at most {@code timeout} ({@code null} = forever). Throws
     * {@link ReceiveTimeoutException} on timeout (the connection stays usable), {@link TransportClosedException}
     * once closed, or the decoding error ({@link FrameTooLargeException}, {@link TruncatedFrameException},
     * {@link ConnectionIntroException}) that closed it.
     */
    byte[] receive(Duration timeout) throws TransportException;

    /** Closes the connection; {@code reason} is kept and reported to a blocked or later receiver. */
    void close(String reason);

    boolean isOpen();

    /** Why the transport closed, once it has. */
    Optional<String> closeReason();

    /** Server side: the intro the client sent, available by the time its first frame is received. */
    default Optional<ConnectionIntro> peerIntro() {
        return Optional.empty();
    }

    @Override
    default void close() {
        close("closed locally");
    }
}
