/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.media;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Upload auth tokens handed out in {@code media_conn}: random, each valid for {@code ttl} after issue. */
public final class MediaAuthTokens {
    /** Bound on live tokens so a client looping on media_conn cannot grow the map without limit. */
    private static final int MAX_LIVE = 100_000;

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final SecureRandom random;
    private final Clock clock;
    private final Duration ttl;

    public MediaAuthTokens(SecureRandom random, Clock clock, Duration ttl) {
        this.random = random;
        this.clock = clock;
        this.ttl = ttl;
    }

    public String issue() {
        Instant now = clock.instant();
        if (expiries.size() >= MAX_LIVE) {
            expiries.values().removeIf(exp -> !exp.isAfter(now));
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        expiries.put(token, now.plus(ttl));
        return token;
    }

    public boolean isValid(String token) {
        Instant exp = token == null ? null : expiries.get(token);
        return exp != null && clock.instant().isBefore(exp);
    }

    public Duration ttl() {
        return ttl;
    }
}
