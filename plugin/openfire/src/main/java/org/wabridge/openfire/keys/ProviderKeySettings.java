/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.keys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.wabridge.core.auth.AuthException;
import org.wabridge.core.auth.SigningAlgorithm;

/**
 * Settings of the provider signing keys, read from {@code plugin.whatsapp.provider.*} Openfire properties. An
 * invalid value falls back to the default and its key is listed in {@link #invalidKeys()}.
 *
 * @param algorithm   JWS algorithm of new keys
 * @param rotateAfter age after which the current key is replaced at the next start or settings change; zero
 *                    means never
 * @param overlap     how long a replaced key stays published (must exceed token lifetime plus JWKS cache time)
 * @param publicUrl   the JWKS URL as WhatsApp reaches it, if the administrator set one (e.g. behind a proxy)
 */
public record ProviderKeySettings(SigningAlgorithm algorithm, Duration rotateAfter, Duration overlap,
                                  Optional<String> publicUrl, List<String> invalidKeys) {

    public static final String PREFIX = "plugin.whatsapp.provider.";
    /** {@code ES256} (default), {@code EdDSA} or {@code RS256}. Changing it rotates to a key of the new kind. */
    public static final String ALGORITHM = PREFIX + "algorithm";
    /** Days after which the signing key is rotated, 0 to 3650; default 90; 0 = never. */
    public static final String ROTATION_DAYS = PREFIX + "rotation.days";
    /** Hours a rotated-out key stays in the JWKS, 1 to 720; default 48. */
    public static final String OVERLAP_HOURS = PREFIX + "overlap.hours";
    /** The public JWKS URL to show and register with WhatsApp; default derived from the HTTP-bind port. */
    public static final String JWKS_URL = PREFIX + "jwks.url";

    public ProviderKeySettings {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(rotateAfter, "rotateAfter");
        Objects.requireNonNull(overlap, "overlap");
        Objects.requireNonNull(publicUrl, "publicUrl");
        invalidKeys = List.copyOf(invalidKeys);
    }

    public static ProviderKeySettings from(Function<String, String> source) {
        List<String> invalid = new ArrayList<>();
        SigningAlgorithm algorithm = SigningAlgorithm.ES256;
        String alg = source.apply(ALGORITHM);
        if (alg != null && !alg.isBlank()) {
            try {
                algorithm = SigningAlgorithm.fromSetting(alg.strip());
            } catch (AuthException | IllegalArgumentException e) {
                invalid.add(ALGORITHM);
            }
        }
        long days = number(source, ROTATION_DAYS, 90, 0, 3650, invalid);
        long hours = number(source, OVERLAP_HOURS, 48, 1, 720, invalid);
        Optional<String> url = Optional.ofNullable(source.apply(JWKS_URL)).map(String::strip).filter(s -> !s.isEmpty());
        if (url.isPresent() && !url.get().toLowerCase(Locale.ROOT).matches("https?://[^\\s\"<>]+")) {
            invalid.add(JWKS_URL);
            url = Optional.empty();
        }
        return new ProviderKeySettings(algorithm, Duration.ofDays(days), Duration.ofHours(hours), url, invalid);
    }

    private static long number(Function<String, String> source, String key, long def, long min, long max,
                               List<String> invalid) {
        String value = source.apply(key);
        if (value == null || value.isBlank()) {
            return def;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the default
        }
        invalid.add(key);
        return def;
    }
}
