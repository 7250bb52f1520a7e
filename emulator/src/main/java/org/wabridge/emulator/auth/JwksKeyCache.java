/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.auth;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's public keys by {@code kid}, loaded from a JWKS document (file or URL). The document is re-read
 * when older than {@code refreshInterval}; if a refresh fails the last good keys are kept until they are
 * {@code maxStaleness} old, after which no key is trusted. A key removed from the document stops working at
 * the next successful refresh, which gives rotation its overlap window.
 */
public final class JwksKeyCache {
    private static final Logger LOG = LoggerFactory.getLogger(JwksKeyCache.class);
    private static final int MAX_DOCUMENT_CHARS = 256 * 1024;

    /** Where the JWKS document comes from. */
    @FunctionalInterface
    public interface Source {
        String load() throws IOException;

        static Source file(Path path) {
            return () -> {
                String json = Files.readString(path);
                if (json.length() > MAX_DOCUMENT_CHARS) {
                    throw new IOException("JWKS file larger than " + MAX_DOCUMENT_CHARS + " characters: " + path);
                }
                return json;
            };
        }

        static Source url(URI uri, Duration timeout) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
            return () -> {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IOException("JWKS " + uri + " answered HTTP " + response.statusCode());
                    }
                    if (response.body().length() > MAX_DOCUMENT_CHARS) {
                        throw new IOException("JWKS document too large at " + uri);
                    }
                    return response.body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted fetching " + uri, e);
                }
            };
        }
    }

    private final Source source;
    private final Clock clock;
    private final Duration refreshInterval;
    private final Duration maxStaleness;
    private Map<String, PublicKey> keys = Map.of();
    private Instant loadedAt;
    private Instant lastAttempt;

    public JwksKeyCache(Source source, Clock clock, Duration refreshInterval, Duration maxStaleness) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
        this.maxStaleness = Objects.requireNonNull(maxStaleness, "maxStaleness");
    }

    /** The public key for {@code kid}, refreshing the document first when it is due. */
    public synchronized Optional<PublicKey> key(String kid) {
        Instant now = clock.instant();
        if (lastAttempt == null || !now.isBefore(lastAttempt.plus(refreshInterval))) {
            refresh(now);
        }
        if (loadedAt == null || now.isAfter(loadedAt.plus(maxStaleness))) {
            return Optional.empty();
        }
        return Optional.ofNullable(keys.get(kid));
    }

    /** Re-reads the document now (control hook, e.g. after a test rotated the keys). */
    public synchronized void refreshNow() {
        refresh(clock.instant());
    }

    private void refresh(Instant now) {
        lastAttempt = now;
        try {
            keys = parse(source.load());
            loadedAt = now;
        } catch (IOException | RuntimeException e) {
            LOG.warn("JWKS refresh failed, keeping {} cached keys: {}", keys.size(), e.getMessage());
        }
    }

    static Map<String, PublicKey> parse(String json) {
        JwkSet set = Jwks.setParser().ignoreUnsupported(true).build().parse(json);
        Map<String, PublicKey> byKid = new HashMap<>();
        for (Jwk<?> jwk : set.getKeys()) {
            Key key = jwk.toKey();
            if (jwk.getId() != null && key instanceof PublicKey) {
                byKid.put(jwk.getId(), (PublicKey) key);
            }
        }
        return Map.copyOf(byKid);
    }
}
