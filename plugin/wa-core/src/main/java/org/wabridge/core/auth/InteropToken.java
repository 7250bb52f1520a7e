/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A minted JWT in compact form. {@code toString()} shows only the token id and expiry, so the bearer secret
 * cannot reach a log by accident.
 */
public final class InteropToken {
    private final String compact;
    private final String jti;
    private final Instant expiresAt;

    InteropToken(String compact, String jti, Instant expiresAt) {
        this.compact = Objects.requireNonNull(compact, "compact");
        this.jti = jti;
        this.expiresAt = expiresAt;
    }

    /** The compact JWS; for the ClientPayload only, never for logs. */
    public String compact() {
        return compact;
    }

    /** The compact JWS as ASCII bytes, the form {@code ClientPayload.interopData.token} carries. */
    public byte[] bytes() {
        return compact.getBytes(StandardCharsets.US_ASCII);
    }

    public String jti() {
        return jti;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "InteropToken[jti=" + jti + ", expiresAt=" + expiresAt + ", value=redacted]";
    }
}
