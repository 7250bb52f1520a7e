/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.wabridge.core.auth.contract.ProviderKeyStoreContract;

class SealingProviderKeyStoreTest {

    private static byte[] kek(int fill) {
        byte[] k = new byte[SealingProviderKeyStore.KEK_LENGTH];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    private static final byte[] PKCS8 = "not really pkcs8 but opaque bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static StoredProviderKey key(String kid) {
        return new StoredProviderKey(kid, "ES256", Instant.parse("2026-01-01T00:00:00Z"), Optional.empty(),
                new byte[] {1, 2, 3}, new PrivateKeyMaterial(PKCS8));
    }

    @Nested
    class Contract extends ProviderKeyStoreContract {
        @Override
        protected ProviderKeyStore newEmptyStore() {
            return new SealingProviderKeyStore(new InMemoryProviderKeyStore(), kek(7), new SecureRandom());
        }
    }

    @Test
    void theInnerStoreNeverSeesThePrivateKeyInClear() {
        InMemoryProviderKeyStore inner = new InMemoryProviderKeyStore();
        new SealingProviderKeyStore(inner, kek(1), new SecureRandom()).save(key("k"));
        byte[] stored = inner.loadAll().get(0).privateKey().pkcs8();
        assertEquals(1, stored[0], "format version byte");
        assertEquals(1 + 12 + PKCS8.length + 16, stored.length);
        assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("opaque"));
        assertArrayEquals(new byte[] {1, 2, 3}, inner.loadAll().get(0).publicX509(), "public half stays in clear");
    }

    @Test
    void aWrongKeyEncryptionKeyIsATypedErrorNamingTheKid() {
        InMemoryProviderKeyStore inner = new InMemoryProviderKeyStore();
        new SealingProviderKeyStore(inner, kek(1), new SecureRandom()).save(key("kid-x"));
        AuthException e = assertThrows(AuthException.class,
                () -> new SealingProviderKeyStore(inner, kek(2), new SecureRandom()).loadAll());
        assertTrue(e.getMessage().contains("kid-x"), e.getMessage());
    }

    @Test
    void aSealedKeyMovedToAnotherKidDoesNotDecrypt() {
        InMemoryProviderKeyStore inner = new InMemoryProviderKeyStore();
        SealingProviderKeyStore sealing = new SealingProviderKeyStore(inner, kek(1), new SecureRandom());
        sealing.save(key("a"));
        StoredProviderKey a = inner.loadAll().get(0);
        inner.delete("a");
        inner.save(new StoredProviderKey("b", a.algorithm(), a.createdAt(), a.retiredAt(), a.publicX509(),
                a.privateKey()));
        assertThrows(AuthException.class, sealing::loadAll);
    }

    @Test
    void unsealedRowsAreRejectedNotMisread() {
        InMemoryProviderKeyStore inner = new InMemoryProviderKeyStore();
        inner.save(key("plain"));
        AuthException e = assertThrows(AuthException.class,
                () -> new SealingProviderKeyStore(inner, kek(1), new SecureRandom()).loadAll());
        assertTrue(e.getMessage().contains("sealed format"), e.getMessage());
    }

    @Test
    void theKeyEncryptionKeyMustBe32Bytes() {
        assertThrows(IllegalArgumentException.class,
                () -> new SealingProviderKeyStore(new InMemoryProviderKeyStore(), new byte[16], new SecureRandom()));
    }
}
