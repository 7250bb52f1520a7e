/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import java.util.Objects;
import java.util.OptionalLong;

/** Replaces the text (or caption) of an earlier own message (whatsapp-protocol.md §6.3). */
public record Edit(MessageRef target, MessageContent newContent, OptionalLong timestampMs) implements MessageContent {
    public Edit {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(newContent, "newContent");
        Objects.requireNonNull(timestampMs, "timestampMs");
        if (!(newContent instanceof TextContent) && !(newContent instanceof MediaContent)) {
            throw new IllegalArgumentException("an edit carries text or media, not " + newContent.getClass().getSimpleName());
        }
    }
}
