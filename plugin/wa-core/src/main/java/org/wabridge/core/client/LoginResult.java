/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.util.Objects;
import org.wabridge.core.stanza.ConnectFailure;
import org.wabridge.core.stanza.ConnectSuccess;
import org.wabridge.core.stanza.StreamTermination;

/** How a connection attempt ended (whatsapp-protocol.md §2.5 step 6, §5.12). */
public sealed interface LoginResult {

    /** {@code <success>}: the connection is live and its read loop runs. */
    record LoggedIn(ConnectSuccess success, WaConnection connection) implements LoginResult {
        public LoggedIn {
            Objects.requireNonNull(success, "success");
            Objects.requireNonNull(connection, "connection");
        }
    }

    /** {@code <failure>}: the server refused the login; the socket is closed. */
    record Refused(ConnectFailure failure) implements LoginResult {
        public Refused {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** The server ended the stream instead of answering ({@code stream:error} or {@code xmlstreamend}). */
    record StreamEnded(StreamTermination termination) implements LoginResult {
        public StreamEnded {
            Objects.requireNonNull(termination, "termination");
        }
    }

    /**
     * Transport, handshake, timeout or decoding failed before an answer; {@code cause} is typed
     * ({@code TransportException}, {@code HandshakeException}, {@code BinaryDecodeException},
     * {@code StanzaException}).
     */
    record Failed(String step, Exception cause) implements LoginResult {
        public Failed {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(cause, "cause");
        }
    }
}
