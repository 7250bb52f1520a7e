/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A text message, optionally replying to another and mentioning users by JID. */
public record TextContent(String body, Optional<ReplyContext> reply, List<String> mentions) implements MessageContent {
    public TextContent {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(reply, "reply");
        mentions = List.copyOf(mentions);
    }

    /** Plain text with no reply and no mentions. */
    public static TextContent of(String body) {
        return new TextContent(body, Optional.empty(), List.of());
    }
}
