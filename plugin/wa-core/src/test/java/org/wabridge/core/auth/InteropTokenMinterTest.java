/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.wabridge.core.testing.MutableClock;

/** Tokens minted by our code, verified by jjwt's own parser against nothing but our exported JWKS. */
class InteropTokenMinterTest {
    private static final Instant START = Instant.parse("2026-06-01T12:00:00.750Z");
    private static final String ISSUER = "https://xmpp.example.org/whatsapp";
    private final MutableClock clock = new MutableClock(START);
    private final SecureRandom random = new SecureRandom();

    private ProviderKeyRing ring(SigningAlgorithm algorithm) {
        return new ProviderKeyRing(new InMemoryProviderKeyStore(), clock, algorithm, Duration.ofHours(1));
    }

    /** A verifier that knows only the published JWKS text, as WhatsApp (or the emulator) would. */
    private Jws<Claims> verify(String jwksJson, String token, Instant at) {
        JwkSet set = Jwks.setParser().build().parse(jwksJson);
        return Jwts.parser()
                .keyLocator(header -> {
                    String kid = ((io.jsonwebtoken.ProtectedHeader) header).getKeyId();
                    for (Jwk<?> jwk : set) {
                        if (jwk.getId().equals(kid)) {
                            return (Key) jwk.toKey();
                        }
                    }
                    throw new JwtException("unknown kid " + kid);
                })
                .clock(() -> Date.from(at))
                .requireIssuer(ISSUER)
                .requireAudience("whatsapp-interop")
                .build()
                .parseSignedClaims(token);
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void mintedTokenVerifiesAgainstExportedJwksWithEveryAlgorithm(SigningAlgorithm algorithm) {
        ProviderKeyRing ring = ring(algorithm);
        InteropTokenMinter minter = new InteropTokenMinter(ring, TokenProfile.defaults(ISSUER), clock, random);
        InteropToken token = minter.mint("4915112345678", "203.0.113.7");

        Jws<Claims> jws = verify(ProviderKeyExport.jwks(ring.published()), token.compact(), START);
        Claims claims = jws.getPayload();
        assertEquals(algorithm.jwsName(), jws.getHeader().getAlgorithm());
        assertEquals(ring.current().kid(), jws.getHeader().getKeyId());
        assertEquals("4915112345678", claims.getSubject());
        assertEquals("203.0.113.7", claims.get("client_ip", String.class));
        assertEquals(token.jti(), claims.getId());
        assertEquals(Instant.parse("2026-06-01T12:00:00Z"), claims.getIssuedAt().toInstant());
        assertEquals(Instant.parse("2026-06-01T12:02:00Z"), claims.getExpiration().toInstant());
    }

    @Test
    void aMinterOnASupplierSignsWithTheRingThatIsCurrentAtEachMint() {
        ProviderKeyRing first = ring(SigningAlgorithm.ES256);
        ProviderKeyRing second = ring(SigningAlgorithm.EDDSA); // what a rotation by settings change builds
        java.util.concurrent.atomic.AtomicReference<ProviderKeyRing> current =
                new java.util.concurrent.atomic.AtomicReference<>(first);
        InteropTokenMinter minter = new InteropTokenMinter(current::get, TokenProfile.defaults(ISSUER), clock,
                random);

        String before = minter.mint("1", "192.0.2.1").compact();
        current.set(second);
        String after = minter.mint("1", "192.0.2.1").compact();

        assertEquals(first.current().kid(), verify(ProviderKeyExport.jwks(first.published()), before, START)
                .getHeader().getKeyId());
        assertEquals(second.current().kid(), verify(ProviderKeyExport.jwks(second.published()), after, START)
                .getHeader().getKeyId(), "the replaced ring's key is not used any more");
    }

    @Test
    void everyConnectionGetsAFreshTokenId() {
        InteropTokenMinter minter = new InteropTokenMinter(ring(SigningAlgorithm.ES256),
                TokenProfile.defaults(ISSUER), clock, random);
        InteropToken a = minter.mint("1", "192.0.2.1");
        InteropToken b = minter.mint("1", "192.0.2.1");
        assertNotEquals(a.jti(), b.jti());
        assertNotEquals(a.compact(), b.compact());
    }

    @Test
    void tokenIsRejectedOnceItsLifetimeHasPassed() {
        ProviderKeyRing ring = ring(SigningAlgorithm.ES256);
        TokenProfile profile = new TokenProfile(ISSUER, "whatsapp-interop", Duration.ofMinutes(5), "client_ip");
        InteropToken token = new InteropTokenMinter(ring, profile, clock, random).mint("1", "192.0.2.1");
        String jwks = ProviderKeyExport.jwks(ring.published());
        Instant issued = Instant.parse("2026-06-01T12:00:00Z");
        verify(jwks, token.compact(), issued.plus(Duration.ofMinutes(5)).minusSeconds(1));
        assertThrows(ExpiredJwtException.class,
                () -> verify(jwks, token.compact(), issued.plus(Duration.ofMinutes(5)).plusSeconds(1)));
        assertEquals(issued.plus(Duration.ofMinutes(5)), token.expiresAt());
    }

    @Test
    void profileRefusesLifetimesAboveFiveMinutesAndShadowedClaims() {
        assertThrows(IllegalArgumentException.class,
                () -> new TokenProfile(ISSUER, "aud", Duration.ofMinutes(5).plusSeconds(1), "client_ip"));
        assertThrows(IllegalArgumentException.class, () -> new TokenProfile(ISSUER, "aud", Duration.ZERO, "ip"));
        assertThrows(IllegalArgumentException.class,
                () -> new TokenProfile(ISSUER, "aud", Duration.ofMinutes(1), "sub"));
    }

    @Test
    void customClaimNamesFromTheProfileAreUsed() {
        ProviderKeyRing ring = ring(SigningAlgorithm.EDDSA);
        TokenProfile profile = new TokenProfile(ISSUER, "whatsapp-interop", Duration.ofSeconds(30), "x_forwarded_ip");
        InteropToken token = new InteropTokenMinter(ring, profile, clock, random).mint("77", "2001:db8::1");
        Claims claims = verify(ProviderKeyExport.jwks(ring.published()), token.compact(), START).getPayload();
        assertEquals("2001:db8::1", claims.get("x_forwarded_ip", String.class));
        assertFalse(claims.containsKey("client_ip"));
    }

    @Test
    void tokenAndKeysNeverAppearInToString() {
        ProviderKeyRing ring = ring(SigningAlgorithm.ES256);
        InteropToken token = new InteropTokenMinter(ring, TokenProfile.defaults(ISSUER), clock, random)
                .mint("1", "192.0.2.1");
        assertFalse(token.toString().contains(token.compact()));
        assertFalse(token.toString().contains(token.compact().substring(0, 20)));
        String pem = new String(ProviderKeyExport.privatePemMaterial(ring.current()).pkcs8());
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals("PrivateKeyMaterial[redacted]", ProviderKeyExport.privatePemMaterial(ring.current()).toString());
        String stored = new InMemoryProviderKeyStore().toString() + ring.current().toString();
        assertFalse(stored.contains("BEGIN"));
    }

    @Test
    void blankSubjectOrIpIsRefused() {
        InteropTokenMinter minter = new InteropTokenMinter(ring(SigningAlgorithm.ES256),
                TokenProfile.defaults(ISSUER), clock, random);
        assertThrows(IllegalArgumentException.class, () -> minter.mint(" ", "192.0.2.1"));
        assertThrows(IllegalArgumentException.class, () -> minter.mint("1", ""));
    }
}
