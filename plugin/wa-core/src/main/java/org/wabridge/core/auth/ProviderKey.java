/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import io.jsonwebtoken.security.Jwks;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A decoded provider key; the private half is package-private and never printed. */
public final class ProviderKey {
    private final String kid;
    private final SigningAlgorithm algorithm;
    private final Instant createdAt;
    private final Optional<Instant> retiredAt;
    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    private ProviderKey(String kid, SigningAlgorithm algorithm, Instant createdAt, Optional<Instant> retiredAt,
                        PublicKey publicKey, PrivateKey privateKey) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.createdAt = createdAt;
        this.retiredAt = retiredAt;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** A fresh key whose id is the RFC 7638 thumbprint of its public half. */
    static ProviderKey generate(SigningAlgorithm algorithm, Instant now) {
        KeyPair pair = algorithm.generate();
        String kid = Jwks.builder().key(pair.getPublic()).idFromThumbprint().build().getId();
        return new ProviderKey(kid, algorithm, now, Optional.empty(), pair.getPublic(), pair.getPrivate());
    }

    static ProviderKey fromStored(StoredProviderKey stored) {
        SigningAlgorithm algorithm = SigningAlgorithm.fromSetting(stored.algorithm());
        return new ProviderKey(stored.kid(), algorithm, stored.createdAt(), stored.retiredAt(),
                algorithm.decodePublic(stored.publicX509()), algorithm.decodePrivate(stored.privateKey().pkcs8()));
    }

    StoredProviderKey toStored() {
        return new StoredProviderKey(kid, algorithm.jwsName(), createdAt, retiredAt, publicKey.getEncoded(),
                new PrivateKeyMaterial(privateKey.getEncoded()));
    }

    public String kid() {
        return kid;
    }

    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> retiredAt() {
        return retiredAt;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderKey && kid.equals(((ProviderKey) o).kid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kid);
    }

    @Override
    public String toString() {
        return "ProviderKey[kid=" + kid + ", " + algorithm.jwsName() + ", privateKey=redacted]";
    }
}
