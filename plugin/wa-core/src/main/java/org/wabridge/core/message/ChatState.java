/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import java.util.Objects;
import java.util.Optional;

/** Typing notifications (whatsapp-protocol.md §5.9); {@code audio} means recording a voice note. */
public record ChatState(String chatJid, Optional<String> participant, State state, boolean audio) implements WaPayload {
    /** Composing or stopped composing. */
    public enum State {
        COMPOSING, PAUSED
    }

    public ChatState {
        Objects.requireNonNull(chatJid, "chatJid");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(state, "state");
        if (audio && state != State.COMPOSING) {
            throw new IllegalArgumentException("only composing can be audio");
        }
    }
}
