/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wabridge.core.testing.MutableClock;

class ProviderKeyRingTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final InMemoryProviderKeyStore store = new InMemoryProviderKeyStore();
    private final Duration overlap = Duration.ofHours(24);

    private static List<String> kids(List<ProviderKey> keys) {
        return keys.stream().map(ProviderKey::kid).collect(Collectors.toList());
    }

    @Test
    void firstStartGeneratesOneCurrentKeyAndPersistsIt() {
        ProviderKeyRing ring = new ProviderKeyRing(store, clock, SigningAlgorithm.ES256, overlap);
        assertEquals(1, store.loadAll().size());
        assertEquals(List.of(ring.current().kid()), kids(ring.published()));
        assertEquals(ring.current().kid(),
                Jwks.builder().key(ring.current().publicKey()).idFromThumbprint().build().getId());
    }

    @Test
    void reloadingFromTheStoreGivesTheSameKeys() {
        ProviderKeyRing ring = new ProviderKeyRing(store, clock, SigningAlgorithm.EDDSA, overlap);
        ring.rotate();
        ProviderKeyRing reloaded = new ProviderKeyRing(store, clock, SigningAlgorithm.EDDSA, overlap);
        assertEquals(ring.current().kid(), reloaded.current().kid());
        assertEquals(ring.current().publicKey(), reloaded.current().publicKey());
        assertEquals(kids(ring.published()), kids(reloaded.published()));
    }

    @Test
    void rotationKeepsTheOldKeyPublishedUntilTheOverlapEnds() {
        ProviderKeyRing ring = new ProviderKeyRing(store, clock, SigningAlgorithm.ES256, overlap);
        String old = ring.current().kid();
        clock.advance(Duration.ofDays(30));
        String fresh = ring.rotate().kid();
        assertNotEquals(old, fresh);
        assertEquals(fresh, ring.current().kid());
        assertEquals(List.of(fresh, old), kids(ring.published()));
        assertTrue(ProviderKeyExport.jwks(ring.published()).contains(old));

        clock.advance(overlap.minusSeconds(1));
        assertEquals(0, ring.prune());
        assertEquals(List.of(fresh, old), kids(ring.published()));

        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(fresh), kids(ring.published()));
        assertEquals(1, ring.prune());
        assertEquals(1, store.loadAll().size());
        assertFalse(ProviderKeyExport.jwks(ring.published()).contains(old));
    }

    @Test
    void tokenSignedBeforeRotationStillVerifiesDuringOverlap() {
        ProviderKeyRing ring = new ProviderKeyRing(store, clock, SigningAlgorithm.RS256, overlap);
        InteropTokenMinter minter = new InteropTokenMinter(ring, TokenProfile.defaults("https://p.example"),
                clock, new SecureRandom());
        String token = minter.mint("9", "192.0.2.9").compact();
        String oldKid = ring.current().kid();
        ring.rotate();
        JwkSet set = Jwks.setParser().build().parse(ProviderKeyExport.jwks(ring.published()));
        assertEquals(2, set.getKeys().size());
        Jwk<?> oldJwk = set.getKeys().stream().filter(k -> k.getId().equals(oldKid)).findFirst().orElseThrow();
        Jwts.parser().verifyWith((PublicKey) oldJwk.toKey()).clock(() -> java.util.Date.from(clock.instant()))
                .build().parseSignedClaims(token);
    }

    @Test
    void jwksHoldsOnlyPublicMembers() {
        for (SigningAlgorithm alg : SigningAlgorithm.values()) {
            ProviderKeyRing ring = new ProviderKeyRing(new InMemoryProviderKeyStore(), clock, alg, overlap);
            String json = ProviderKeyExport.jwks(ring.published());
            for (String privateMember : List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"")) {
                assertFalse(json.contains(privateMember), alg + " JWKS leaks " + privateMember);
            }
            assertTrue(json.contains("\"alg\":\"" + alg.jwsName() + "\""), json);
            assertTrue(json.contains("\"use\":\"sig\""), json);
        }
    }

    @Test
    void publicPemRoundTripsThroughTheJdk() throws Exception {
        ProviderKeyRing ring = new ProviderKeyRing(store, clock, SigningAlgorithm.ES256, overlap);
        String pem = ProviderKeyExport.publicPem(ring.current());
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(pem.endsWith("-----END PUBLIC KEY-----\n"));
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey decoded = KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        assertEquals(ring.current().publicKey(), decoded);
    }

    @Test
    void storedRecordRedactsItsPrivateKey() {
        new ProviderKeyRing(store, clock, SigningAlgorithm.ES256, overlap);
        StoredProviderKey stored = store.loadAll().get(0);
        assertTrue(stored.toString().contains("privateKey=redacted"));
        assertFalse(stored.toString().contains(Base64.getEncoder().encodeToString(stored.privateKey().pkcs8())));
    }

    @Test
    void unknownAlgorithmSettingIsATypedError() {
        AuthException e = assertThrows(AuthException.class, () -> SigningAlgorithm.fromSetting("HS256"));
        assertTrue(e.getMessage().contains("HS256"));
        assertEquals(SigningAlgorithm.EDDSA, SigningAlgorithm.fromSetting("eddsa"));
    }
}
