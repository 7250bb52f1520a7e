/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import java.util.Objects;
import java.util.OptionalLong;

/** An emoji reaction to a message; an empty emoji removes the sender's reaction (whatsapp-protocol.md §6.3). */
public record Reaction(MessageRef target, String emoji, OptionalLong senderTimestampMs) implements MessageContent {
    public Reaction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(emoji, "emoji");
        Objects.requireNonNull(senderTimestampMs, "senderTimestampMs");
    }

    public boolean isRemoval() {
        return emoji.isEmpty();
    }
}
