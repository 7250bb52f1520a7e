/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.PrematureJwtException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.json.JSONException;
import org.json.JSONObject;
import org.wabridge.core.stanza.FailureReason;

/**
 * Validates {@code ClientPayload.interopData.token} (whatsapp-protocol.md §1.3, where claim names, algorithms
 * and codes are all unknown; this is the documented test model). Signature with an allow-listed algorithm
 * and a {@code kid} from the issuer's JWKS; {@code iss}, {@code aud}, {@code exp}/{@code nbf}/{@code iat}
 * with a bounded skew; {@code sub} must equal the account id of the payload.
 */
public final class InteropTokenValidator {
    /** Algorithms accepted; everything else (including {@code none} and HMAC) is refused. */
    public static final Set<String> ALLOWED_ALGORITHMS = Set.of("ES256", "EdDSA", "RS256");
    private static final int MAX_TOKEN_CHARS = 16 * 1024;

    private final Map<String, InteropProvider> providers;
    private final Clock clock;
    private final Duration skew;

    public InteropTokenValidator(List<InteropProvider> providers, Clock clock, Duration skew) {
        Map<String, InteropProvider> byId = new LinkedHashMap<>();
        for (InteropProvider p : providers) {
            byId.put(p.id(), p);
        }
        this.providers = Map.copyOf(byId);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(skew, "skew");
    }

    /** Returns the interop account ({@code sub}) the token proves, or why it does not. */
    public String validate(String token, long accountId) throws LoginRejectedException {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw new LoginRejectedException(FailureReason.TOKEN_INVALID, "missing or oversized token");
        }
        InteropProvider provider = providerOf(token);
        Claims claims;
        try {
            claims = Jwts.parser()
                    .keyLocator(new ProviderKeys(provider))
                    .clock(() -> Date.from(clock.instant()))
                    .clockSkewSeconds(skew.toSeconds())
                    .requireIssuer(provider.id())
                    .requireAudience(provider.audience())
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
        } catch (ExpiredJwtException e) {
            throw new LoginRejectedException(FailureReason.TOKEN_EXPIRED, "token expired at " + e.getClaims().getExpiration().toInstant());
        } catch (PrematureJwtException e) {
            throw new LoginRejectedException(FailureReason.TOKEN_INVALID, "token not valid yet", e);
        } catch (JwtException | IllegalArgumentException e) {
            throw new LoginRejectedException(FailureReason.TOKEN_INVALID, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        Date issuedAt = claims.getIssuedAt();
        if (issuedAt != null && issuedAt.toInstant().isAfter(clock.instant().plus(skew))) {
            throw new LoginRejectedException(FailureReason.TOKEN_INVALID, "iat lies in the future");
        }
        if (claims.getExpiration() == null) {
            throw new LoginRejectedException(FailureReason.TOKEN_INVALID, "token without exp");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isEmpty()) {
            throw new LoginRejectedException(FailureReason.TOKEN_INVALID, "token without sub");
        }
        if (!subject.equals(Long.toUnsignedString(accountId))) {
            throw new LoginRejectedException(FailureReason.TOKEN_INVALID, "accountID does not match sub");
        }
        return subject;
    }

    /** The issuer is read before verification only to choose whose keys verify the token. */
    private InteropProvider providerOf(String token) throws LoginRejectedException {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new LoginRejectedException(FailureReason.TOKEN_INVALID, "not a compact JWS");
        }
        String issuer;
        try {
            String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            issuer = new JSONObject(json).optString("iss", null);
        } catch (IllegalArgumentException | JSONException e) {
            throw new LoginRejectedException(FailureReason.TOKEN_INVALID, "unreadable claims", e);
        }
        InteropProvider provider = issuer == null ? null : providers.get(issuer);
        if (provider == null) {
            throw new LoginRejectedException(FailureReason.UNKNOWN_PROVIDER, "no provider for the token's issuer");
        }
        return provider;
    }

    /** Key lookup by kid, refusing algorithms outside the allow-list before any key is touched. */
    private static final class ProviderKeys extends LocatorAdapter<Key> {
        private final InteropProvider provider;

        ProviderKeys(InteropProvider provider) {
            this.provider = provider;
        }

        @Override
        protected Key locate(JwsHeader header) {
            String alg = header.getAlgorithm();
            if (alg == null || !ALLOWED_ALGORITHMS.contains(alg)) {
                throw new io.jsonwebtoken.security.UnsupportedKeyException("algorithm not allowed: " + alg);
            }
            String kid = header.getKeyId();
            if (kid == null) {
                throw new io.jsonwebtoken.security.InvalidKeyException("token header has no kid");
            }
            return provider.keys().key(kid).orElseThrow(() ->
                    new io.jsonwebtoken.security.InvalidKeyException("kid not in the provider's JWKS: " + kid));
        }

        @Override
        protected Key doLocate(Header header) {
            throw new io.jsonwebtoken.UnsupportedJwtException("unsigned tokens are refused");
        }
    }
}
