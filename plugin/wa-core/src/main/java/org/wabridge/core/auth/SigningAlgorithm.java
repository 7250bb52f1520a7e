/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.SignatureAlgorithm;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * The JWS algorithms the provider can sign with. Which one WhatsApp accepts is [UNKNOWN] (whatsapp-protocol.md
 * §1.3), so it is a setting; ES256 is the default because it is compact and universally supported.
 */
public enum SigningAlgorithm {
    /** ECDSA P-256 with SHA-256. */
    ES256("ES256", "EC"),
    /** Ed25519 (JWS name "EdDSA"). */
    EDDSA("EdDSA", "Ed25519"),
    /** RSASSA-PKCS1-v1_5 with SHA-256, 2048-bit keys. */
    RS256("RS256", "RSA");

    private final String jwsName;
    private final String keyFamily;

    SigningAlgorithm(String jwsName, String keyFamily) {
        this.jwsName = jwsName;
        this.keyFamily = keyFamily;
    }

    /** The JWS {@code alg} header value. */
    public String jwsName() {
        return jwsName;
    }

    /** Parses a setting value such as {@code "ES256"} or {@code "EdDSA"} (case-insensitive). */
    public static SigningAlgorithm fromSetting(String value) {
        for (SigningAlgorithm a : values()) {
            if (a.jwsName.equalsIgnoreCase(value) || a.name().equalsIgnoreCase(value)) {
                return a;
            }
        }
        throw new AuthException("unsupported signing algorithm '" + value + "' (use ES256, EdDSA or RS256)");
    }

    SignatureAlgorithm jjwt() {
        switch (this) {
            case ES256:
                return Jwts.SIG.ES256;
            case EDDSA:
                return Jwts.SIG.EdDSA;
            case RS256:
                return Jwts.SIG.RS256;
            default:
                throw new AssertionError(this);
        }
    }

    KeyPair generate() {
        try {
            // jjwt's EdDSA default is Ed448; Ed25519 is the curve every JOSE library supports
            return this == EDDSA ? Jwks.CRV.Ed25519.keyPair().build() : jjwt().keyPair().build();
        } catch (RuntimeException e) {
            throw new AuthException("could not generate a " + jwsName + " key pair", e);
        }
    }

    PublicKey decodePublic(byte[] x509) {
        try {
            return KeyFactory.getInstance(keyFamily).generatePublic(new X509EncodedKeySpec(x509));
        } catch (java.security.GeneralSecurityException e) {
            throw new AuthException("stored " + jwsName + " public key does not decode", e);
        }
    }

    PrivateKey decodePrivate(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(keyFamily).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (java.security.GeneralSecurityException e) {
            throw new AuthException("stored " + jwsName + " private key does not decode", e);
        }
    }
}
