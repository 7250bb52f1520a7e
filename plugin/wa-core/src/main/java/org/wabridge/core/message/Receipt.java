/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A delivery, read or played receipt for one or more messages in a chat (whatsapp-protocol.md §5.7).
 * {@code participant} is the reader in groups.
 */
public record Receipt(Type type, String chatJid, Optional<String> participant, List<String> messageIds,
        Instant timestamp) implements WaPayload {
    /** What happened to the messages. */
    public enum Type {
        DELIVERED, READ, PLAYED
    }

    public Receipt {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(chatJid, "chatJid");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(timestamp, "timestamp");
        messageIds = List.copyOf(messageIds);
        if (messageIds.isEmpty()) {
            throw new IllegalArgumentException("a receipt names at least one message");
        }
    }
}
