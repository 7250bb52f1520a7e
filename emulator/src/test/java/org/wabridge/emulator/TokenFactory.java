/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A test identity provider: P-256 keys by kid, a JWKS file written by hand (RFC 7518 §6.2.1), ES256 tokens. */
final class TokenFactory {
    static final String ISSUER = "https://idp.example.test";
    static final String AUDIENCE = "whatsapp-interop";

    private final Map<String, KeyPair> keys = new LinkedHashMap<>();
    private final java.util.Set<String> published = new java.util.LinkedHashSet<>();
    private final Path jwksFile;

    TokenFactory(Path jwksFile) throws Exception {
        this.jwksFile = jwksFile;
        addKey("k1");
    }

    void addKey(String kid) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        keys.put(kid, g.generateKeyPair());
        published.add(kid);
        writeJwks();
    }

    /** Takes the key out of the JWKS; the private key stays, so tokens signed with it can still be made. */
    void removeKey(String kid) throws IOException {
        published.remove(kid);
        writeJwks();
    }

    KeyPair key(String kid) {
        return keys.get(kid);
    }

    EmulatorConfig.Provider provider() {
        return new EmulatorConfig.Provider(ISSUER, AUDIENCE, jwksFile, null);
    }

    String token(String sub, Instant now) {
        return token("k1", ISSUER, AUDIENCE, sub, now, now.plusSeconds(3600));
    }

    String token(String kid, String issuer, String audience, String sub, Instant issuedAt, Instant expires) {
        return Jwts.builder().header().keyId(kid).and()
                .issuer(issuer).audience().add(audience).and().subject(sub)
                .issuedAt(Date.from(issuedAt)).notBefore(Date.from(issuedAt)).expiration(Date.from(expires))
                .signWith(keys.get(kid).getPrivate(), Jwts.SIG.ES256).compact();
    }

    private void writeJwks() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String kid : published) {
            ECPublicKey pub = (ECPublicKey) keys.get(kid).getPublic();
            entries.add("{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"" + kid + "\",\"x\":\""
                    + b64(pub.getW().getAffineX()) + "\",\"y\":\"" + b64(pub.getW().getAffineY()) + "\"}");
        }
        Files.writeString(jwksFile, "{\"keys\":[" + String.join(",", entries) + "]}");
    }

    /** Fixed 32-byte big-endian coordinate, base64url without padding. */
    private static String b64(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(fixed, 32));
    }
}
