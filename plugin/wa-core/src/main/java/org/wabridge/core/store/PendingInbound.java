/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A received message that was decrypted but not yet confirmed by the gateway (whatsapp-protocol.md §8.4: the
 * server is acked only after the handoff). Kept because the Signal ratchet has already moved on: when WhatsApp
 * redelivers the stanza, it can no longer be decrypted, and this copy is what reaches the user.
 *
 * @param key        sender (non-AD JID) and stanza id, as the engine deduplicates
 * @param messageId  the WhatsApp stanza id
 * @param chatJid    the chat the message belongs to
 * @param plaintext  the serialized {@code Message} protobuf without padding (holds the body: never log it)
 * @param receivedAt when it was decrypted
 */
public record PendingInbound(String key, String messageId, String chatJid, byte[] plaintext, Instant receivedAt) {
    public PendingInbound {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(chatJid, "chatJid");
        plaintext = Objects.requireNonNull(plaintext, "plaintext").clone();
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PendingInbound p && p.key.equals(key) && p.messageId.equals(messageId)
                && p.chatJid.equals(chatJid) && Arrays.equals(p.plaintext, plaintext) && p.receivedAt.equals(receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, messageId, chatJid, Arrays.hashCode(plaintext), receivedAt);
    }

    @Override
    public String toString() { // never the plaintext
        return "PendingInbound[id=" + messageId + ", receivedAt=" + receivedAt + "]";
    }
}
