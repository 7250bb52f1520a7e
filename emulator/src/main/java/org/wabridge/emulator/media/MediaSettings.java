/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Media settings of the emulator. {@code port}: 0 = ephemeral, -1 = media host off. {@code spoolDir} null = a
 * fresh temporary directory. {@code proxyAllowedHosts}: host names or literal addresses the media proxy may
 * fetch from (loopback only by default).
 */
public record MediaSettings(int port, Duration authTtl, Duration connTtl, long maxBlobBytes, long spoolCapBytes,
                            Duration retention, Path spoolDir, List<String> proxyAllowedHosts, Duration proxyTimeout,
                            long proxyMaxBytes) {

    public MediaSettings {
        proxyAllowedHosts = List.copyOf(proxyAllowedHosts);
        if (maxBlobBytes < 1 || spoolCapBytes < maxBlobBytes || proxyMaxBytes < 1) {
            throw new IllegalArgumentException("media limits must be positive and spoolCap >= maxBlob");
        }
        if (authTtl.isNegative() || authTtl.isZero() || connTtl.isNegative() || connTtl.isZero()) {
            throw new IllegalArgumentException("media TTLs must be positive");
        }
    }

    /** Ephemeral port, 5 min auth, 1 h conn TTL, 64 MiB per blob, 1 GiB spool, 30-day retention, loopback proxy. */
    public static MediaSettings defaults() {
        return new MediaSettings(0, Duration.ofMinutes(5), Duration.ofHours(1), 64L << 20, 1L << 30,
                Duration.ofDays(30), null, List.of("127.0.0.1", "localhost", "::1"), Duration.ofSeconds(30),
                64L << 20);
    }

    public MediaSettings withPort(int p) {
        return new MediaSettings(p, authTtl, connTtl, maxBlobBytes, spoolCapBytes, retention, spoolDir,
                proxyAllowedHosts, proxyTimeout, proxyMaxBytes);
    }

    public MediaSettings withLimits(long maxBlob, long spoolCap, long proxyMax) {
        return new MediaSettings(port, authTtl, connTtl, maxBlob, spoolCap, retention, spoolDir, proxyAllowedHosts,
                proxyTimeout, proxyMax);
    }

    public MediaSettings withProxyAllowedHosts(List<String> hosts) {
        return new MediaSettings(port, authTtl, connTtl, maxBlobBytes, spoolCapBytes, retention, spoolDir, hosts,
                proxyTimeout, proxyMaxBytes);
    }

    /** Keys {@code media.port}, {@code media.authTtl}, … (durations ISO-8601, hosts comma-separated). */
    public static MediaSettings fromProperties(Properties p) {
        MediaSettings d = defaults();
        String spool = p.getProperty("media.spoolDir");
        String hosts = p.getProperty("media.proxyAllowedHosts");
        return new MediaSettings(Integer.parseInt(p.getProperty("media.port", "0").strip()),
                dur(p, "media.authTtl", d.authTtl), dur(p, "media.connTtl", d.connTtl),
                lng(p, "media.maxBlobBytes", d.maxBlobBytes), lng(p, "media.spoolCapBytes", d.spoolCapBytes),
                dur(p, "media.retention", d.retention), spool == null ? null : Path.of(spool),
                hosts == null ? d.proxyAllowedHosts : List.of(hosts.strip().split("\\s*,\\s*")),
                dur(p, "media.proxyTimeout", d.proxyTimeout), lng(p, "media.proxyMaxBytes", d.proxyMaxBytes));
    }

    private static Duration dur(Properties p, String key, Duration fallback) {
        String v = p.getProperty(key);
        return v == null ? fallback : Duration.parse(v.strip());
    }

    private static long lng(Properties p, String key, long fallback) {
        String v = p.getProperty(key);
        return v == null ? fallback : Long.parseLong(v.strip());
    }
}
