/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.wabridge.core.auth.AuthException;
import org.wabridge.core.auth.InMemoryProviderKeyStore;
import org.wabridge.core.auth.SigningAlgorithm;

/** Ring start, rotation by age and by algorithm, the JWKS content, settings parsing and the KEK property. */
class ProviderKeysTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final InMemoryProviderKeyStore store = new InMemoryProviderKeyStore();

    private static ProviderKeySettings settings(Map<String, String> values) {
        return ProviderKeySettings.from(values::get);
    }

    private ProviderKeys startAt(Instant now, Map<String, String> values) {
        ProviderKeys keys = new ProviderKeys(store, Clock.fixed(now, ZoneOffset.UTC));
        keys.start(settings(values));
        return keys;
    }

    @Test
    void firstStartCreatesOneEs256KeyAndARestartKeepsIt() {
        ProviderKeys first = startAt(T0, Map.of());
        assertEquals(SigningAlgorithm.ES256, first.ring().current().algorithm());
        ProviderKeys again = startAt(T0.plus(Duration.ofDays(10)), Map.of());
        assertEquals(first.ring().current().kid(), again.ring().current().kid());
        assertEquals(1, store.loadAll().size());
    }

    @Test
    void aKeyOlderThanTheRotationAgeIsReplacedAndTheOldOneStaysPublishedForTheOverlap() {
        String old = startAt(T0, Map.of()).ring().current().kid();
        ProviderKeys later = startAt(T0.plus(Duration.ofDays(90)), Map.of(ProviderKeySettings.OVERLAP_HOURS, "24"));
        String fresh = later.ring().current().kid();
        assertNotEquals(old, fresh);
        assertTrue(later.jwks().contains(old) && later.jwks().contains(fresh), later.jwks());

        ProviderKeys afterOverlap = startAt(T0.plus(Duration.ofDays(91)), Map.of(ProviderKeySettings.OVERLAP_HOURS,
                "23"));
        assertFalse(afterOverlap.jwks().contains(old), "pruned after the overlap");
        assertEquals(1, store.loadAll().size());
    }

    @Test
    void rotationZeroMeansNeverAndAnAlgorithmChangeRotates() {
        String old = startAt(T0, Map.of()).ring().current().kid();
        assertEquals(old, startAt(T0.plus(Duration.ofDays(900)), Map.of(ProviderKeySettings.ROTATION_DAYS, "0"))
                .ring().current().kid());
        ProviderKeys eddsa = startAt(T0.plus(Duration.ofDays(901)), Map.of(ProviderKeySettings.ROTATION_DAYS, "0",
                ProviderKeySettings.ALGORITHM, "EdDSA"));
        assertEquals(SigningAlgorithm.EDDSA, eddsa.ring().current().algorithm());
        assertNotEquals(old, eddsa.ring().current().kid());
    }

    @Test
    void theJwksCarriesPublicMembersOnly() {
        String jwks = startAt(T0, Map.of()).jwks();
        assertTrue(jwks.contains("\"kty\":\"EC\"") && jwks.contains("\"x\"") && jwks.contains("\"y\""), jwks);
        assertFalse(jwks.contains("\"d\""), "private scalar must never be served: " + jwks);
    }

    @Test
    void invalidSettingsFallBackToDefaultsAndAreListed() {
        ProviderKeySettings s = settings(Map.of(ProviderKeySettings.ALGORITHM, "HS256",
                ProviderKeySettings.ROTATION_DAYS, "-1", ProviderKeySettings.OVERLAP_HOURS, "many",
                ProviderKeySettings.JWKS_URL, "javascript:alert(1)"));
        assertEquals(SigningAlgorithm.ES256, s.algorithm());
        assertEquals(Duration.ofDays(90), s.rotateAfter());
        assertEquals(Duration.ofHours(48), s.overlap());
        assertEquals(Optional.empty(), s.publicUrl());
        assertEquals(List.of(ProviderKeySettings.ALGORITHM, ProviderKeySettings.ROTATION_DAYS,
                ProviderKeySettings.OVERLAP_HOURS, ProviderKeySettings.JWKS_URL), s.invalidKeys());
    }

    @Test
    void theJwksUrlIsTheConfiguredOneOrHttpsOnTheHttpBindTlsPort() {
        assertEquals("https://xmpp.example.org:7443/whatsapp/jwks.json",
                JwksUrl.of(Optional.empty(), "xmpp.example.org", k -> null));
        assertEquals("https://xmpp.example.org:8443/whatsapp/jwks.json",
                JwksUrl.of(Optional.empty(), "xmpp.example.org", k -> "8443"));
        assertEquals("https://keys.example.org/jwks", JwksUrl.of(Optional.of("https://keys.example.org/jwks"),
                "xmpp.example.org", k -> null));
    }

    @Test
    void theKeyEncryptionKeyIsGeneratedOnceThenReused() {
        AtomicReference<String> property = new AtomicReference<>();
        KeyEncryptionKey.SecretProperty secret = new KeyEncryptionKey.SecretProperty() {
            @Override
            public Optional<String> get() {
                return Optional.ofNullable(property.get());
            }

            @Override
            public void set(String value) {
                property.set(value);
            }
        };
        byte[] first = KeyEncryptionKey.load(secret, new SecureRandom());
        assertEquals(32, first.length);
        assertArrayEquals(first, KeyEncryptionKey.load(secret, new SecureRandom()));
        property.set("c2hvcnQ=");
        assertThrows(AuthException.class, () -> KeyEncryptionKey.load(secret, new SecureRandom()));

        // empty (deleted, or not decipherable under another security.xml) while sealed keys exist: no new key
        property.set(null);
        AuthException lost = assertThrows(AuthException.class,
                () -> KeyEncryptionKey.load(secret, new SecureRandom(), () -> true));
        assertTrue(lost.getMessage().contains("security.xml"), lost.getMessage());
        assertEquals(null, property.get(), "nothing was overwritten");
    }
}
