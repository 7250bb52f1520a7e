/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The properties file EmulatorMain reads, and a start from it. */
class EmulatorConfigTest {
    @TempDir
    Path dir;

    @Test
    void propertiesFileIsParsedAndDefaultsFillTheRest() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("""
                tcpPort=0
                wsPort=-1
                offlineRetention=P7D
                provider.1.id=https://idp.example.test
                provider.1.jwksFile=%s
                provider.2.id=https://other.example.test
                provider.2.audience=wa
                provider.2.jwksUrl=http://127.0.0.1:1/jwks.json
                trustAnchorFile=%s
                media.port=-1
                media.authTtl=PT2M
                media.maxBlobBytes=1000
                media.spoolCapBytes=5000
                media.proxyAllowedHosts=127.0.0.1, media.provider.test
                """.formatted(dir.resolve("jwks.json"), dir.resolve("anchor.txt"))));
        EmulatorConfig c = EmulatorConfig.fromProperties(p);
        assertEquals(InetAddress.getByName("127.0.0.1"), c.bindAddress());
        assertEquals(-1, c.wsPort());
        assertEquals(Duration.ofDays(7), c.offlineRetention());
        assertEquals(Duration.ofSeconds(60), c.clockSkew());
        assertEquals(2, c.providers().size());
        assertEquals("whatsapp", c.providers().get(0).audience());
        assertEquals("wa", c.providers().get(1).audience());
        assertNull(c.providers().get(0).jwksUrl());
        assertEquals(-1, c.media().port());
        assertEquals(Duration.ofMinutes(2), c.media().authTtl());
        assertEquals(Duration.ofHours(1), c.media().connTtl());
        assertEquals(1000, c.media().maxBlobBytes());
        assertEquals(5000, c.media().spoolCapBytes());
        assertEquals(java.util.List.of("127.0.0.1", "media.provider.test"), c.media().proxyAllowedHosts());

        try (WaEmulator e = WaEmulator.start(c, Clock.systemUTC())) {
            assertTrue(e.tcpAddress().getAddress().isLoopbackAddress());
            assertTrue(e.tcpAddress().getPort() > 0);
            assertNull(e.webSocketUri());
            assertNull(e.mediaAddress());
            assertEquals(e.identity().rootPublicKeyHex() + " 0", Files.readString(dir.resolve("anchor.txt")).strip());
        }
    }
}
