/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.Receipt;

/**
 * Everything the engine tells the gateway, as immutable records without protobuf or XMPP types (style rule 6).
 * Delivered through {@link WaEventSink}. Addresses are WhatsApp JIDs in text form; the gateway's id mapper
 * translates them.
 */
public sealed interface WaEvent {

    /** Emitted when {@code <success>} arrived: the session is logged in. {@code serverTime} is its {@code t}. */
    record Connected(Instant serverTime, Optional<String> ownLid) implements WaEvent {
        public Connected {
            Objects.requireNonNull(serverTime, "serverTime");
            Objects.requireNonNull(ownLid, "ownLid");
        }
    }

    /** Emitted when an established or attempted connection ended, with the reason in plain words. */
    record Disconnected(DisconnectReason reason, String plainWords) implements WaEvent {
        public Disconnected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(plainWords, "plainWords");
        }
    }

    /** Emitted on every change of the engine's {@link EngineState} (the gateway shows it to the user). */
    record StateChanged(EngineState state) implements WaEvent {
        public StateChanged {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * Emitted when the server refused the interop token ({@code failure} 413/414-class). {@code willRetry} is
     * true for the one automatic retry with a freshly minted token; false means the engine gave up.
     */
    record TokenRejected(int code, boolean willRetry) implements WaEvent {
    }

    /**
     * Emitted when a message was received and decrypted. The gateway must answer {@code handoff}; the engine
     * acks the server only after {@link Handoff#delivered()}.
     *
     * @param messageId the WhatsApp stanza id (stable across redeliveries, used for deduplication)
     * @param chatJid   the chat (the peer for 1:1)
     * @param senderJid the sending user/device, for groups and own-device copies
     * @param timestamp the server timestamp of the message
     * @param fromOfflineQueue true if the server marked it as waiting in its offline queue while this account
     *                  was not connected (the gateway then says it was delayed)
     */
    record MessageReceived(String messageId, String chatJid, Optional<String> senderJid, Instant timestamp,
                           MessageContent content, Handoff handoff, boolean fromOfflineQueue) implements WaEvent {
        /** A message delivered live. */
        public MessageReceived(String messageId, String chatJid, Optional<String> senderJid, Instant timestamp,
                               MessageContent content, Handoff handoff) {
            this(messageId, chatJid, senderJid, timestamp, content, handoff, false);
        }

        public MessageReceived {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(chatJid, "chatJid");
            Objects.requireNonNull(senderJid, "senderJid");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(handoff, "handoff");
        }

        @Override
        public String toString() { // never print the content: it may hold a message body
            return "MessageReceived[id=" + messageId + ", kind=" + content.getClass().getSimpleName() + "]";
        }
    }

    /**
     * Emitted when a message could not be decrypted even after the bounded retry-receipt exchange, so the
     * gateway can tell the user that something arrived but is unreadable.
     */
    record MessageUndecryptable(String messageId, String chatJid, Optional<String> senderJid, Instant timestamp)
            implements WaEvent {
    }

    /** Emitted when a delivery/read/played receipt for messages we sent arrived. */
    record ReceiptReceived(Receipt receipt) implements WaEvent {
        public ReceiptReceived {
            Objects.requireNonNull(receipt, "receipt");
        }
    }

    /** Emitted when a peer starts or stops typing or recording. */
    record ChatStateChanged(ChatState chatState) implements WaEvent {
        public ChatStateChanged {
            Objects.requireNonNull(chatState, "chatState");
        }
    }

    /** Emitted when a subscribed peer's availability changed; {@code lastSeen} when the server gave one. */
    record PresenceChanged(String jid, boolean available, Optional<Instant> lastSeen) implements WaEvent {
        public PresenceChanged {
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(lastSeen, "lastSeen");
        }
    }

    /**
     * Emitted when a peer device presented a new identity key (safety number changed). {@code fingerprint}
     * is a display form of the new key, never the private half of anything.
     */
    record IdentityChanged(String jid, int deviceId, String fingerprint) implements WaEvent {
        public IdentityChanged {
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }
}
