/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.iq.KeyBundle;

/**
 * The body of a retry receipt (whatsapp-protocol.md §5.8): {@code <retry count id t v/>},
 * {@code <registration>} and, from the second attempt or when forced, a fresh bundle in {@code <keys>}.
 */
public record RetryRequest(int count, String messageId, long t, int v, int registrationId, Optional<KeyBundle> keys) {

    public RetryRequest {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(keys, "keys");
        if (count < 1) {
            throw new IllegalArgumentException("retry count starts at 1, got " + count);
        }
        if (keys.isPresent() && keys.get().registrationId() != registrationId) {
            throw new IllegalArgumentException("bundle registration id differs from <registration>");
        }
    }

    /** v="1", as whatsmeow sends. */
    public static RetryRequest of(int count, String messageId, long t, int registrationId, Optional<KeyBundle> keys) {
        return new RetryRequest(count, messageId, t, 1, registrationId, keys);
    }
}
