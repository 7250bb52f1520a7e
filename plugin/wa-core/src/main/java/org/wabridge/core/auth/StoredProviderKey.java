/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ProviderKeyStore} persists for one provider key: opaque encodings plus metadata, so a store
 * needs no crypto. {@code retiredAt} is set when a newer key took over; the key stays published until
 * {@code retiredAt + overlap}.
 *
 * @param kid        the JWS key id (RFC 7638 thumbprint)
 * @param algorithm  the JWS algorithm name, e.g. {@code ES256}
 * @param createdAt  when the key was generated
 * @param retiredAt  when it stopped signing, empty while it is the current key
 * @param publicX509 X.509 SubjectPublicKeyInfo encoding
 * @param privateKey PKCS#8 encoding, redacted in {@code toString()}
 */
public record StoredProviderKey(String kid, String algorithm, Instant createdAt, Optional<Instant> retiredAt,
                                byte[] publicX509, PrivateKeyMaterial privateKey) {
    public StoredProviderKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(retiredAt, "retiredAt");
        Objects.requireNonNull(privateKey, "privateKey");
        publicX509 = publicX509.clone();
    }

    @Override
    public byte[] publicX509() {
        return publicX509.clone();
    }

    public StoredProviderKey retire(Instant at) {
        return new StoredProviderKey(kid, algorithm, createdAt, Optional.of(at), publicX509, privateKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredProviderKey && kid.equals(((StoredProviderKey) o).kid)
                && algorithm.equals(((StoredProviderKey) o).algorithm)
                && createdAt.equals(((StoredProviderKey) o).createdAt)
                && retiredAt.equals(((StoredProviderKey) o).retiredAt)
                && java.util.Arrays.equals(publicX509, ((StoredProviderKey) o).publicX509)
                && privateKey.equals(((StoredProviderKey) o).privateKey);
    }

    @Override
    public int hashCode() {
        return kid.hashCode();
    }

    @Override
    public String toString() {
        return "StoredProviderKey[kid=" + kid + ", algorithm=" + algorithm + ", createdAt=" + createdAt
                + ", retiredAt=" + retiredAt.map(Instant::toString).orElse("-") + ", privateKey=redacted]";
    }
}
