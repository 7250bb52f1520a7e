/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import java.util.Objects;
import java.util.Optional;

/**
 * Names an existing message, as WhatsApp's {@code MessageKey} does (whatsapp-protocol.md §6.2): the chat,
 * whether we sent it, its id, and in groups its sender.
 */
public record MessageRef(String chatJid, boolean fromMe, String id, Optional<String> participant) {
    public MessageRef {
        Objects.requireNonNull(chatJid, "chatJid");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(participant, "participant");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("message id must not be empty");
        }
    }

    /** A 1:1 chat reference without participant. */
    public static MessageRef of(String chatJid, boolean fromMe, String id) {
        return new MessageRef(chatJid, fromMe, id, Optional.empty());
    }
}
