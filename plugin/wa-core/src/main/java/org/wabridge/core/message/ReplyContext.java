/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import java.util.Objects;
import java.util.Optional;

/**
 * What a message replies to ({@code ContextInfo} stanzaId, participant, remoteJid, quotedMessage;
 * whatsapp-protocol.md §6.2). The preview is the quoted message's content as the sender copied it.
 */
public record ReplyContext(String quotedId, Optional<String> participant, Optional<String> chatJid,
        Optional<MessageContent> quotedPreview) {
    public ReplyContext {
        Objects.requireNonNull(quotedId, "quotedId");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(chatJid, "chatJid");
        Objects.requireNonNull(quotedPreview, "quotedPreview");
        if (quotedId.isEmpty()) {
            throw new IllegalArgumentException("quoted message id must not be empty");
        }
    }
}
