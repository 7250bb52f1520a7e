/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where one user's session stands, as the gateway shows it to the user and the admin (issue 6: states visible
 * to the gateway, last error in plain words).
 *
 * @param phase     the state
 * @param since     when it was entered
 * @param until     for {@link Phase#TEMP_BANNED} the server-given expiry, for {@link Phase#BACKOFF} the next
 *                  attempt; empty otherwise
 * @param lastError the last problem in plain words (no tokens, numbers or keys), empty if none
 */
public record EngineState(Phase phase, Instant since, Optional<Instant> until, Optional<String> lastError) {

    /** The session states (whatsapp-protocol.md §5.12, §8 for the causes). */
    public enum Phase {
        /** Transport, Noise handshake and login in progress. */
        CONNECTING,
        /** Logged in; stanzas flow. */
        ONLINE,
        /** Link lost or server unavailable; waiting {@code until} before the next attempt. */
        BACKOFF,
        /** The server refused the token even after one fresh mint; needs operator attention (keys, clock). */
        TOKEN_EXPIRED,
        /** Temporary ban (failure 402); no attempts before {@code until}. */
        TEMP_BANNED,
        /** Another connection for this account took over; never reconnects by itself. */
        REPLACED,
        /** The account or device was removed/logged out (401/403/406, device_removed); never reconnects. */
        DEVICE_REMOVED,
        /** Not running: never started, closed by the lifecycle, or stopped after an error. */
        STOPPED;

        /** The phases this one may move to; everything else is a bug in the engine. */
        public Set<Phase> next() {
            switch (this) {
                case CONNECTING:
                    return EnumSet.of(ONLINE, BACKOFF, TOKEN_EXPIRED, TEMP_BANNED, REPLACED, DEVICE_REMOVED, STOPPED);
                case ONLINE:
                    return EnumSet.of(BACKOFF, TOKEN_EXPIRED, TEMP_BANNED, REPLACED, DEVICE_REMOVED, STOPPED);
                case BACKOFF:
                case TOKEN_EXPIRED: // the one retry with a fresh token
                case TEMP_BANNED:
                    return EnumSet.of(CONNECTING, STOPPED);
                case REPLACED:
                case DEVICE_REMOVED:
                    // only an explicit stop (then connect) leaves these: automatic reconnects would fight
                    return EnumSet.of(STOPPED);
                case STOPPED:
                    return EnumSet.of(CONNECTING);
                default:
                    throw new AssertionError(this);
            }
        }

        /** True for the phases that wait for a person instead of retrying by themselves. */
        public boolean needsAttention() {
            return this == TOKEN_EXPIRED || this == REPLACED || this == DEVICE_REMOVED;
        }
    }

    public EngineState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(lastError, "lastError");
        if (phase == Phase.TEMP_BANNED && until.isEmpty()) {
            throw new IllegalArgumentException("TEMP_BANNED needs an expiry");
        }
    }

    /** The state of an engine that has not started yet. */
    public static EngineState initial(Instant now) {
        return new EngineState(Phase.STOPPED, now, Optional.empty(), Optional.empty());
    }
}
