/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import java.util.Objects;

/** Deletes a message for everyone (whatsapp-protocol.md §6.3). */
public record Revoke(MessageRef target) implements MessageContent {
    public Revoke {
        Objects.requireNonNull(target, "target");
    }
}
