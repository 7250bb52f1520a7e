/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How interop tokens are shaped. <b>Every value here is an assumption</b>: Meta has not published the claim
 * names, audience, lifetime or how the client's IP is conveyed (whatsapp-protocol.md §1.3 [UNKNOWN], §1.5
 * RO 7.6.2.4). The defaults follow plain OpenID/JWT usage and are meant to be replaced by the values in
 * Meta's Developer Documentation through settings, without code changes.
 *
 * @param issuer        {@code iss}: the provider id assigned at enrollment (assumed: the operator's public URL)
 * @param audience      {@code aud}: who the token is for (assumed default {@code "whatsapp-interop"})
 * @param lifetime      {@code exp - iat}; at most {@link #MAX_LIFETIME}, since a token is minted per connection
 * @param clientIpClaim name of the claim carrying the XMPP client's IP (assumed default {@code "client_ip"})
 */
public record TokenProfile(String issuer, String audience, Duration lifetime, String clientIpClaim) {
    /** Tokens are minted per connection, so they never need to outlive a handshake by much. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    public static final String DEFAULT_AUDIENCE = "whatsapp-interop";
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(2);
    public static final String DEFAULT_CLIENT_IP_CLAIM = "client_ip";

    public TokenProfile {
        requireText(issuer, "issuer");
        requireText(audience, "audience");
        requireText(clientIpClaim, "clientIpClaim");
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("token lifetime must be in (0, 5 min]: " + lifetime);
        }
        if (java.util.Set.of("iss", "sub", "aud", "iat", "exp", "jti", "nbf").contains(clientIpClaim)) {
            throw new IllegalArgumentException("clientIpClaim must not shadow a registered claim: " + clientIpClaim);
        }
    }

    /** The defaults above for this provider id. */
    public static TokenProfile defaults(String issuer) {
        return new TokenProfile(issuer, DEFAULT_AUDIENCE, DEFAULT_LIFETIME, DEFAULT_CLIENT_IP_CLAIM);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
