/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.util.Objects;

/**
 * How the bridge describes itself in {@code ClientPayload.userAgent} (whatsapp-protocol.md §2.6). No interop
 * platform value is known, so the platform and version are settings; a stale version is answered by the server
 * with failure 405 (§8.6), which the engine surfaces as "client outdated".
 *
 * @param platform       {@code UserAgent.Platform} number (WEB = 14 by default)
 * @param appVersion     dotted version, up to five parts, e.g. {@code 2.3000.1019}
 * @param osVersion      free text, e.g. the Openfire/Java version
 * @param manufacturer   free text
 * @param device         free text device name
 * @param releaseChannel {@code ReleaseChannel} number (RELEASE = 0)
 * @param localeLanguage ISO 639-1 code
 * @param localeCountry  ISO 3166-1 alpha-2 code
 */
public record UserAgentSettings(int platform, String appVersion, String osVersion, String manufacturer,
                                String device, int releaseChannel, String localeLanguage, String localeCountry) {
    public UserAgentSettings {
        Objects.requireNonNull(appVersion, "appVersion");
        Objects.requireNonNull(osVersion, "osVersion");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(localeLanguage, "localeLanguage");
        Objects.requireNonNull(localeCountry, "localeCountry");
        versionParts(appVersion); // validate early: a bad setting should fail at configuration time
    }

    /** Web platform, a placeholder version, English/EU locale; to be overridden from configuration. */
    public static UserAgentSettings defaults() {
        return new UserAgentSettings(14, "2.3000.0", "Openfire", "wabridge", "Openfire WhatsApp bridge", 0, "en",
                "DE");
    }

    /** The version split into its numeric parts (1 to 5). */
    public int[] versionParts() {
        return versionParts(appVersion);
    }

    private static int[] versionParts(String version) {
        String[] parts = version.split("\\.", -1);
        if (parts.length < 1 || parts.length > 5) {
            throw new IllegalArgumentException("appVersion needs 1 to 5 dotted parts: " + version);
        }
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseUnsignedInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("appVersion part is not a number: " + version, e);
            }
        }
        return out;
    }
}
