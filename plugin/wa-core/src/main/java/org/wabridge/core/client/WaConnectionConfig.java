/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Duration;
import java.util.Objects;
import org.wabridge.core.ProtocolProfile;

/**
 * Settings of one connection.
 *
 * @param profile      wire settings (header, compression, frame size, handshake timeout)
 * @param loginTimeout how long to wait for {@code <success>}/{@code <failure>} after the handshake
 * @param iqTimeout    default wait for an IQ answer (whatsmeow: 75 s, §2.8)
 * @param keepAlive    ping interval and dead-link window
 */
public record WaConnectionConfig(ProtocolProfile profile, Duration loginTimeout, Duration iqTimeout,
                                 KeepAlivePolicy keepAlive) {
    public WaConnectionConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(loginTimeout, "loginTimeout");
        Objects.requireNonNull(iqTimeout, "iqTimeout");
        Objects.requireNonNull(keepAlive, "keepAlive");
    }

    /** Default profile, 20 s login wait, 75 s IQ timeout, 20–30 s pings, dead after 40 s. */
    public static WaConnectionConfig defaults() {
        return new WaConnectionConfig(ProtocolProfile.defaults(), Duration.ofSeconds(20), Duration.ofSeconds(75),
                KeepAlivePolicy.defaults());
    }
}
