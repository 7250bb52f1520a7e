/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import io.jsonwebtoken.Jwts;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Mints the JWT a connection presents in {@code ClientPayload.interopData.token} (whatsapp-protocol.md §1.3):
 * a fresh token per connection, signed by the ring's current key, with {@code kid} in the header so the
 * verifier can pick the key from the published JWKS. Thread-safe.
 */
public final class InteropTokenMinter {
    private final Supplier<ProviderKeyRing> ring;
    private final TokenProfile profile;
    private final Clock clock;
    private final SecureRandom random;

    public InteropTokenMinter(ProviderKeyRing ring, TokenProfile profile, Clock clock, SecureRandom random) {
        this(constant(Objects.requireNonNull(ring, "ring")), profile, clock, random);
    }

    /**
     * @param ring asked for the current ring at every mint: a rotation replaces the ring, and a minter holding
     *             the old one would go on signing with a key the JWKS later drops
     */
    public InteropTokenMinter(Supplier<ProviderKeyRing> ring, TokenProfile profile, Clock clock,
                              SecureRandom random) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    private static Supplier<ProviderKeyRing> constant(ProviderKeyRing ring) {
        return () -> ring;
    }

    /**
     * A token for {@code interopAccount} ({@code sub}) connecting on behalf of an XMPP client at
     * {@code clientIp} (RO 7.6.2.4 requires the client's IP; the claim name is from the profile).
     */
    public InteropToken mint(String interopAccount, String clientIp) {
        if (interopAccount == null || interopAccount.isBlank()) {
            throw new IllegalArgumentException("interop account must not be blank");
        }
        if (clientIp == null || clientIp.isBlank()) {
            throw new IllegalArgumentException("client IP must not be blank");
        }
        ProviderKey key = Objects.requireNonNull(ring.get(), "provider key ring").current();
        // JWT NumericDate is whole seconds; truncate so exp - iat is exactly the lifetime
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(profile.lifetime());
        String jti = newJti();
        try {
            String compact = Jwts.builder()
                    .header().keyId(key.kid()).and()
                    .issuer(profile.issuer())
                    .subject(interopAccount)
                    .audience().add(profile.audience()).and()
                    .issuedAt(Date.from(issuedAt))
                    .expiration(Date.from(expiresAt))
                    .id(jti)
                    .claim(profile.clientIpClaim(), clientIp)
                    .signWith(key.privateKey(), key.algorithm().jjwt())
                    .compact();
            return new InteropToken(compact, jti, expiresAt);
        } catch (RuntimeException e) {
            throw new AuthException("could not sign an interop token with key " + key.kid(), e);
        }
    }

    private String newJti() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
