/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.keys;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.jivesoftware.util.JiveGlobals;
import org.wabridge.core.auth.AuthException;
import org.wabridge.core.auth.SealingProviderKeyStore;

/**
 * The key that encrypts provider private keys in the database. It is kept in the Openfire property
 * {@value #PROPERTY}, marked encrypted, so Openfire stores it enciphered with the key from
 * {@code conf/security.xml}: a copy of the database alone does not reveal the provider keys. Generated on first use.
 */
public final class KeyEncryptionKey {

    public static final String PROPERTY = "plugin.whatsapp.provider.kek";

    /** Where the encoded key lives; Openfire's encrypted property in production. */
    public interface SecretProperty {
        Optional<String> get();

        void set(String value);
    }

    private KeyEncryptionKey() {
    }

    /** The Openfire property, marked encrypted before the value is first written. */
    public static SecretProperty openfireProperty() {
        return new SecretProperty() {
            @Override
            public Optional<String> get() {
                return Optional.ofNullable(JiveGlobals.getProperty(PROPERTY)).filter(v -> !v.isBlank());
            }

            @Override
            public void set(String value) {
                JiveGlobals.setProperty(PROPERTY, value, true); // one write, enciphered by Openfire
            }
        };
    }

    /** @return the 32-byte key, created and stored if the property is empty */
    public static byte[] load(SecretProperty property, SecureRandom random) {
        return load(property, random, () -> false);
    }

    /**
     * @param sealedKeysExist whether provider keys sealed with some earlier key are stored: then an empty
     *                        property means the key was deleted or cannot be deciphered (another
     *                        {@code security.xml}), and making a new one would overwrite the only way back
     * @return the 32-byte key, created and stored only if the property is empty and nothing was sealed yet
     * @throws AuthException if the property is malformed, or empty while sealed keys exist
     */
    public static byte[] load(SecretProperty property, SecureRandom random, BooleanSupplier sealedKeysExist) {
        Objects.requireNonNull(property, "property");
        Optional<String> stored = property.get();
        if (stored.isPresent()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(stored.get().strip());
            } catch (IllegalArgumentException e) {
                throw new AuthException(PROPERTY + " is not base64", e);
            }
            if (key.length != SealingProviderKeyStore.KEK_LENGTH) {
                throw new AuthException(PROPERTY + " must hold " + SealingProviderKeyStore.KEK_LENGTH + " bytes");
            }
            return key;
        }
        if (sealedKeysExist.getAsBoolean()) {
            throw new AuthException(PROPERTY + " is empty or cannot be deciphered, but provider keys sealed with it"
                    + " are stored: restore conf/security.xml (or the property), or delete the rows of"
                    + " ofWaProviderKey to start over with a new key that must be registered with WhatsApp again");
        }
        byte[] key = new byte[SealingProviderKeyStore.KEK_LENGTH];
        random.nextBytes(key);
        property.set(Base64.getEncoder().encodeToString(key));
        return key;
    }
}
