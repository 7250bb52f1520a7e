/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Refresh, rotation and bounded staleness of a provider's key cache, with an Ed25519 (OKP) JWK. */
class JwksKeyCacheTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    /** RFC 8037 §2: an OKP JWK carries the raw 32-byte Ed25519 public key in {@code x}. */
    private static String okpJwks(String kid) throws Exception {
        EdECPublicKey pub = (EdECPublicKey) KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        byte[] encoded = pub.getEncoded(); // X.509 SubjectPublicKeyInfo: the raw key is the last 32 bytes
        byte[] raw = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        return "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"" + kid + "\",\"x\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(raw) + "\"}]}";
    }

    private void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void failedRefreshKeepsKeysOnlyUntilTheyAreTooStale() throws Exception {
        AtomicReference<String> document = new AtomicReference<>(okpJwks("a"));
        JwksKeyCache cache = new JwksKeyCache(() -> {
            String d = document.get();
            if (d == null) {
                throw new IOException("provider down");
            }
            return d;
        }, clock, Duration.ofMinutes(5), Duration.ofHours(1));
        assertTrue(cache.key("a").isPresent());
        document.set(null);
        advance(Duration.ofMinutes(30));
        assertTrue(cache.key("a").isPresent(), "provider down, keys 30 min old: still trusted");
        advance(Duration.ofMinutes(31));
        assertFalse(cache.key("a").isPresent(), "keys older than the staleness bound are not trusted");
    }

    @Test
    void rotatedKeyAppearsAndTheOldOneGoesAtTheNextRefresh() throws Exception {
        AtomicReference<String> document = new AtomicReference<>(okpJwks("old"));
        JwksKeyCache cache = new JwksKeyCache(document::get, clock, Duration.ofMinutes(5), Duration.ofHours(1));
        assertTrue(cache.key("old").isPresent());
        document.set(okpJwks("new"));
        assertTrue(cache.key("old").isPresent(), "before the refresh interval the cached set holds");
        advance(Duration.ofMinutes(5));
        assertTrue(cache.key("new").isPresent());
        assertFalse(cache.key("old").isPresent());
    }
}
