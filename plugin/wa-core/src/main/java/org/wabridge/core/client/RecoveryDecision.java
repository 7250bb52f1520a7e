/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine does after a connection attempt or a closed connection.
 *
 * @param phase          the state to enter
 * @param retryAt        when to attempt again (BACKOFF, TEMP_BANNED, or now for an immediate retry); empty
 *                       means no automatic attempt
 * @param mintFreshToken whether the next attempt must use a newly minted token
 * @param plainWords     the reason shown to the user/admin (no secrets)
 */
public record RecoveryDecision(EngineState.Phase phase, Optional<Instant> retryAt, boolean mintFreshToken,
                               String plainWords) {
    public RecoveryDecision {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(retryAt, "retryAt");
        Objects.requireNonNull(plainWords, "plainWords");
    }

    /** True when the engine schedules another attempt by itself. */
    public boolean retries() {
        return retryAt.isPresent();
    }
}
