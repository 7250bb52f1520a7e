/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.time.Clock;
import java.util.Objects;

/**
 * Settings of a {@link SignalCrypto} instance.
 *
 * @param trustPolicy what to do when a peer's identity key changes
 * @param clock       time source for prekey timestamps and session expiry checks
 */
public record SignalConfig(IdentityTrustPolicy trustPolicy, Clock clock) {

    public SignalConfig {
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        Objects.requireNonNull(clock, "clock");
    }

    /** WhatsApp's behaviour (accept and report identity changes) with the given clock. */
    public static SignalConfig defaults(Clock clock) {
        return new SignalConfig(IdentityTrustPolicy.ACCEPT_AND_REPORT, clock);
    }
}
