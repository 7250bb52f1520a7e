/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import java.util.Objects;
import java.util.Optional;

/**
 * A decoded {@code Message}. When it arrived as a {@code DeviceSentMessage} (a copy of what our own other
 * device sent, whatsapp-protocol.md §6.4), {@code sentToChat} is the chat it was sent to and
 * {@code content} is the unwrapped original.
 */
public record DecodedMessage(MessageContent content, Optional<String> sentToChat) {
    public DecodedMessage {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(sentToChat, "sentToChat");
    }
}
