/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Instant;
import java.util.Objects;

/**
 * What happened to something the gateway asked the engine to send. There is no "probably sent": a send either
 * got the server's positive {@code <ack>} ({@link Accepted}) or a {@link Rejected} with a typed reason that the
 * gateway turns into an XMPP error (whatsapp-protocol.md §5.5, §8.11).
 */
public sealed interface SendResult permits SendResult.Accepted, SendResult.Rejected {

    /**
     * The server acknowledged the stanza.
     *
     * @param messageId       the stanza id that was acknowledged
     * @param serverTimestamp the server's {@code t} from the ack, or the local receive time if it gave none
     */
    record Accepted(String messageId, Instant serverTimestamp) implements SendResult {
        public Accepted {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(serverTimestamp, "serverTimestamp");
        }
    }

    /**
     * The stanza was not delivered to the server, or the server refused it.
     *
     * @param reason     the typed cause
     * @param plainWords a short explanation for logs and users (no bodies, numbers or tokens)
     */
    record Rejected(Reason reason, String plainWords) implements SendResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(plainWords, "plainWords");
        }
    }

    /** Why a send failed. */
    enum Reason {
        /** The WhatsApp user has not turned on third-party chats (§1.4; server code [UNKNOWN]). */
        NOT_OPTED_IN,
        /** New conversations are temporarily blocked (ack error 463, reach-out timelock, §8.11). */
        REACH_OUT_LIMIT,
        /** No WhatsApp account behind the address. */
        UNKNOWN_USER,
        /** The server throttled us (ack error 429-class). */
        RATE_LIMITED,
        /** The engine is not running (stopped, replaced, removed). */
        ENGINE_STOPPED,
        /** The engine is running but not online (connecting or backing off); the gateway may retry later. */
        NOT_CONNECTED,
        /** No ack arrived in time; the server may or may not have the stanza. */
        TIMEOUT,
        /** The content cannot be expressed on WhatsApp. */
        UNSUPPORTED_CONTENT,
        /** Signal encryption failed for every recipient device. */
        ENCRYPTION_FAILED,
        /** An ack error code with no more specific mapping. */
        SERVER_ERROR
    }
}
