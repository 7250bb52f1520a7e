/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.stanza.StreamTermination;

/**
 * Why a logged-in connection ended.
 *
 * @param reason      the classification the engine acts on
 * @param termination the server's stream error or stream end, when that is what ended it
 * @param plainWords  a short explanation without secrets
 */
public record ConnectionClosed(DisconnectReason reason, Optional<StreamTermination> termination, String plainWords) {
    public ConnectionClosed {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(plainWords, "plainWords");
    }
}
