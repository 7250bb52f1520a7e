/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts provider private keys before they reach another {@link ProviderKeyStore} (the database), and decrypts
 * them on load, with AES-256-GCM under a key-encryption key (KEK) that lives outside that store. The key id is
 * bound as associated data, so a sealed private key copied onto another row does not decrypt. Public halves and
 * metadata stay in clear: they are public anyway (JWKS) and the ring needs them to order keys.
 *
 * <p>Sealed format: {@code 0x01 || 12-byte nonce || ciphertext || 16-byte tag}.
 */
public final class SealingProviderKeyStore implements ProviderKeyStore {
    /** Length of the key-encryption key in bytes (AES-256). */
    public static final int KEK_LENGTH = 32;

    private static final byte FORMAT_V1 = 1;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final String AAD_PREFIX = "wabridge provider key v1 ";

    private final ProviderKeyStore inner;
    private final SecretKeySpec kek;
    private final SecureRandom random;

    public SealingProviderKeyStore(ProviderKeyStore inner, byte[] keyEncryptionKey, SecureRandom random) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.random = Objects.requireNonNull(random, "random");
        if (keyEncryptionKey == null || keyEncryptionKey.length != KEK_LENGTH) {
            throw new IllegalArgumentException("key-encryption key must be " + KEK_LENGTH + " bytes");
        }
        this.kek = new SecretKeySpec(keyEncryptionKey.clone(), "AES");
    }

    @Override
    public void save(StoredProviderKey key) {
        inner.save(withPrivate(key, seal(key.kid(), key.privateKey().pkcs8())));
    }

    @Override
    public List<StoredProviderKey> loadAll() {
        List<StoredProviderKey> out = new ArrayList<>();
        for (StoredProviderKey sealed : inner.loadAll()) {
            out.add(withPrivate(sealed, open(sealed.kid(), sealed.privateKey().pkcs8())));
        }
        return out;
    }

    @Override
    public void delete(String kid) {
        inner.delete(kid);
    }

    private byte[] seal(String kid, byte[] plain) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(kid));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_LENGTH + sealed.length).put(FORMAT_V1).put(nonce).put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new AuthException("cannot encrypt provider key " + kid, e);
        }
    }

    private byte[] open(String kid, byte[] sealed) {
        if (sealed.length < 1 + NONCE_LENGTH + TAG_BITS / 8 || sealed[0] != FORMAT_V1) {
            throw new AuthException("stored provider key " + kid + " is not in the sealed format (version "
                    + (sealed.length == 0 ? "none" : Integer.toString(sealed[0] & 0xff)) + ")");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_LENGTH));
            cipher.updateAAD(aad(kid));
            return cipher.doFinal(sealed, 1 + NONCE_LENGTH, sealed.length - 1 - NONCE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new AuthException("stored provider key " + kid + " does not decrypt: the key-encryption key "
                    + "changed, or the row was altered", e);
        }
    }

    private static byte[] aad(String kid) {
        return (AAD_PREFIX + kid).getBytes(StandardCharsets.UTF_8);
    }

    private static StoredProviderKey withPrivate(StoredProviderKey key, byte[] privateBytes) {
        return new StoredProviderKey(key.kid(), key.algorithm(), key.createdAt(), key.retiredAt(), key.publicX509(),
                new PrivateKeyMaterial(privateBytes));
    }
}
