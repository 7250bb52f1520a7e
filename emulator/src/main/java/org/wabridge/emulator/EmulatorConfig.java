/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.wabridge.emulator.media.MediaSettings;

/**
 * Emulator settings. Ports: 0 = ephemeral, -1 = listener off. Read from a properties file by
 * {@link #fromProperties}; keys are the component names (e.g. {@code tcpPort}, {@code provider.1.id}).
 */
public record EmulatorConfig(InetAddress bindAddress, int tcpPort, int wsPort, int maxConnections, int maxFrameSize,
                             int queueCapacity, Duration offlineRetention, Duration clockSkew, Duration jwksRefresh,
                             Duration jwksMaxStaleness, List<Provider> providers, int messagesPerMinute,
                             int newContactsPerWindow, Duration reachOutWindow, int interopIntegrator,
                             Path trustAnchorFile, MediaSettings media) {

    /** An interop provider: {@code iss}, {@code aud}, and where its JWKS lives (file or http(s) URL). */
    public record Provider(String id, String audience, Path jwksFile, URI jwksUrl) {
    }

    public EmulatorConfig {
        providers = List.copyOf(providers);
        java.util.Objects.requireNonNull(media, "media");
        if (maxConnections < 1 || queueCapacity < 1 || maxFrameSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Loopback, ephemeral ports, 30-day retention, 60 s skew, no providers. */
    public static EmulatorConfig defaults() {
        return new EmulatorConfig(InetAddress.getLoopbackAddress(), 0, 0, 256, 1 << 20, 1000, Duration.ofDays(30),
                Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofHours(1), List.of(), 600, 50,
                Duration.ofDays(1), 1, null, MediaSettings.defaults());
    }

    public EmulatorConfig withProviders(List<Provider> list) {
        return new EmulatorConfig(bindAddress, tcpPort, wsPort, maxConnections, maxFrameSize, queueCapacity,
                offlineRetention, clockSkew, jwksRefresh, jwksMaxStaleness, list, messagesPerMinute,
                newContactsPerWindow, reachOutWindow, interopIntegrator, trustAnchorFile, media);
    }

    public EmulatorConfig withLimits(int maxConns, int frameSize, int queueCap, int perMinute, int newContacts) {
        return new EmulatorConfig(bindAddress, tcpPort, wsPort, maxConns, frameSize, queueCap, offlineRetention,
                clockSkew, jwksRefresh, jwksMaxStaleness, providers, perMinute, newContacts, reachOutWindow,
                interopIntegrator, trustAnchorFile, media);
    }

    public EmulatorConfig withTrustAnchorFile(Path file) {
        return new EmulatorConfig(bindAddress, tcpPort, wsPort, maxConnections, maxFrameSize, queueCapacity,
                offlineRetention, clockSkew, jwksRefresh, jwksMaxStaleness, providers, messagesPerMinute,
                newContactsPerWindow, reachOutWindow, interopIntegrator, file, media);
    }

    public EmulatorConfig withMedia(MediaSettings settings) {
        return new EmulatorConfig(bindAddress, tcpPort, wsPort, maxConnections, maxFrameSize, queueCapacity,
                offlineRetention, clockSkew, jwksRefresh, jwksMaxStaleness, providers, messagesPerMinute,
                newContactsPerWindow, reachOutWindow, interopIntegrator, trustAnchorFile, settings);
    }

    public static EmulatorConfig fromProperties(Properties p) throws UnknownHostException {
        EmulatorConfig d = defaults();
        List<Provider> providers = new ArrayList<>();
        for (int i = 1; p.getProperty("provider." + i + ".id") != null; i++) {
            String prefix = "provider." + i + ".";
            String file = p.getProperty(prefix + "jwksFile");
            String url = p.getProperty(prefix + "jwksUrl");
            providers.add(new Provider(p.getProperty(prefix + "id"), p.getProperty(prefix + "audience", "whatsapp"),
                    file == null ? null : Path.of(file), url == null ? null : URI.create(url)));
        }
        String anchor = p.getProperty("trustAnchorFile", "wa-emulator-trust-anchor.txt");
        return new EmulatorConfig(InetAddress.getByName(p.getProperty("bindAddress", "127.0.0.1")),
                intOf(p, "tcpPort", d.tcpPort), intOf(p, "wsPort", d.wsPort),
                intOf(p, "maxConnections", d.maxConnections), intOf(p, "maxFrameSize", d.maxFrameSize),
                intOf(p, "queueCapacity", d.queueCapacity), durationOf(p, "offlineRetention", d.offlineRetention),
                durationOf(p, "clockSkew", d.clockSkew), durationOf(p, "jwksRefresh", d.jwksRefresh),
                durationOf(p, "jwksMaxStaleness", d.jwksMaxStaleness), providers,
                intOf(p, "messagesPerMinute", d.messagesPerMinute),
                intOf(p, "newContactsPerWindow", d.newContactsPerWindow),
                durationOf(p, "reachOutWindow", d.reachOutWindow), intOf(p, "interopIntegrator", 1), Path.of(anchor),
                MediaSettings.fromProperties(p));
    }

    private static int intOf(Properties p, String key, int fallback) {
        String v = p.getProperty(key);
        return v == null ? fallback : Integer.parseInt(v.strip());
    }

    /** ISO-8601 durations, e.g. {@code P30D}, {@code PT60S}. */
    private static Duration durationOf(Properties p, String key, Duration fallback) {
        String v = p.getProperty(key);
        return v == null ? fallback : Duration.parse(v.strip());
    }
}
