/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

/**
 * Public exports of provider keys: a JWKS document (RFC 7517 §5) for the verifier to fetch, and PEM for
 * operators who register keys by hand. Only public halves are ever exported, except {@link #privatePemMaterial},
 * which returns a redacting wrapper for backup.
 */
public final class ProviderKeyExport {
    private ProviderKeyExport() {
    }

    /** {@code {"keys":[...]}} with each key's {@code kid}, {@code alg} and {@code use=sig}; newest first. */
    public static String jwks(List<ProviderKey> keys) {
        StringJoiner joined = new StringJoiner(",", "{\"keys\":[", "]}");
        for (ProviderKey key : keys) {
            PublicJwk<?> jwk = (PublicJwk<?>) Jwks.builder().key(key.publicKey()).id(key.kid())
                    .algorithm(key.algorithm().jwsName()).publicKeyUse("sig").build();
            joined.add(Jwks.json(jwk));
        }
        return joined.toString();
    }

    /** X.509 SubjectPublicKeyInfo as {@code -----BEGIN PUBLIC KEY-----} PEM. */
    public static String publicPem(ProviderKey key) {
        return pem("PUBLIC KEY", key.publicKey().getEncoded());
    }

    /** PKCS#8 {@code -----BEGIN PRIVATE KEY-----} PEM, wrapped so that printing it prints nothing secret. */
    public static PrivateKeyMaterial privatePemMaterial(ProviderKey key) {
        return new PrivateKeyMaterial(pem("PRIVATE KEY", key.privateKey().getEncoded())
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
