/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.binary.Node;
import org.wabridge.core.iq.MediaConnIq;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.media.MediaEncryptor;
import org.wabridge.core.media.MediaKeys;
import org.wabridge.core.media.MediaType;
import org.wabridge.core.media.VerifiedMediaDecryptor;
import org.wabridge.emulator.media.MediaProxyException;
import org.wabridge.emulator.media.MediaSettings;

/** The mmg-like media host (§7.4), media_conn over a real Noise connection, and the media proxy stand-in (§7.5). */
class MediaTest {
    private static final String PHONE = EmulatorFixture.PHONE;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    private EmulatorFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new EmulatorFixture(dir, EmulatorConfig.defaults()
                .withMedia(MediaSettings.defaults().withLimits(1 << 20, 4 << 20, 1 << 20)));
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    private MediaConnIq.MediaConn mediaConn() throws Exception {
        try (TestClient c = f.consumer(PHONE, 0, true)) {
            c.send(Node.builder("iq").attr("id", "m1").attr("xmlns", "w:m").attr("type", "set")
                    .attr("to", WaJid.SERVER).child(Node.of("media_conn")).build());
            Node result = c.nextNonIb();
            assertEquals("result", result.attrs().optString("type", null), result.toString());
            return MediaConnIq.INSTANCE.parseResultContent(result);
        }
    }

    private HttpResponse<String> upload(String host, String type, byte[] blob, byte[] claimedHash, String auth)
            throws Exception {
        String hash = B64URL.encodeToString(claimedHash);
        URI uri = URI.create("http://" + host + "/mms/" + type + "/" + hash + "?auth=" + auth + "&token=" + hash);
        return http.send(HttpRequest.newBuilder(uri).header("Origin", "https://web.whatsapp.com")
                .POST(HttpRequest.BodyPublishers.ofByteArray(blob)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String jsonField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), name + " missing in " + json);
        return m.group(1);
    }

    @Test
    void mediaConnAnnouncesTheLoopbackHostAndAFreshToken() throws Exception {
        MediaConnIq.MediaConn conn = mediaConn();
        assertEquals(List.of("127.0.0.1:" + f.emulator.mediaAddress().getPort()), conn.hosts());
        assertEquals(3600, conn.ttlSeconds());
        assertEquals(300, conn.authTtlSeconds().getAsInt());
        assertTrue(conn.auth().length() >= 40, "32 random bytes, base64url");
        assertTrue(!conn.auth().equals(mediaConn().auth()), "each media_conn gets its own token");
    }

    @Test
    void uploadThenDownloadDecryptsToTheOriginalPlaintext() throws Exception {
        MediaConnIq.MediaConn conn = mediaConn();
        byte[] plaintext = new byte[300_000];
        random.nextBytes(plaintext);
        MediaKeys keys = MediaKeys.generate(MediaType.IMAGE, random);
        MediaEncryptor.EncryptedBlob enc = MediaEncryptor.encrypt(plaintext, keys);

        HttpResponse<String> up = upload(conn.hosts().get(0), "image", enc.blob(), enc.digests().fileEncSha256(),
                conn.auth());
        assertEquals(200, up.statusCode(), up.body());
        String directPath = jsonField(up.body(), "direct_path");
        assertTrue(directPath.startsWith("/v/t62.7118-24/") && directPath.contains(".enc?"), directPath);
        assertEquals("http://" + conn.hosts().get(0) + directPath, jsonField(up.body(), "url"));
        jsonField(up.body(), "handle");
        jsonField(up.body(), "object_id");
        assertEquals(1, f.emulator.storedMediaCount());

        // whatsmeow-style download: direct path plus extra query parameters (§7.4)
        URI download = URI.create("http://" + conn.hosts().get(0) + directPath + "&hash="
                + B64URL.encodeToString(enc.digests().fileEncSha256()) + "&mms-type=image&__wa-mms=");
        byte[] blob = http.send(HttpRequest.newBuilder(download).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
        assertArrayEquals(plaintext, VerifiedMediaDecryptor.decrypt(blob, keys, enc.digests().expected()));
    }

    @Test
    void bodyNotMatchingItsHashIsRejectedWith400() throws Exception {
        MediaConnIq.MediaConn conn = mediaConn();
        MediaKeys keys = MediaKeys.generate(MediaType.DOCUMENT, random);
        MediaEncryptor.EncryptedBlob enc = MediaEncryptor.encrypt(new byte[] {1, 2, 3}, keys);
        byte[] wrong = enc.digests().fileEncSha256().clone();
        wrong[0] ^= 1;
        HttpResponse<String> r = upload(conn.hosts().get(0), "document", enc.blob(), wrong, conn.auth());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("\"error\":\"SHA-256 of the body does not match the token\""), r.body());
        assertEquals(0, f.emulator.storedMediaCount());
    }

    @Test
    void missingUnknownOrExpiredAuthIsRefused() throws Exception {
        MediaConnIq.MediaConn conn = mediaConn();
        MediaEncryptor.EncryptedBlob enc = MediaEncryptor.encrypt(new byte[] {9},
                MediaKeys.generate(MediaType.AUDIO, random));
        String host = conn.hosts().get(0);
        byte[] hash = enc.digests().fileEncSha256();
        assertEquals(401, upload(host, "audio", enc.blob(), hash, "").statusCode());
        assertEquals(403, upload(host, "audio", enc.blob(), hash, "not-a-token").statusCode());
        f.clock.advance(Duration.ofMinutes(6)); // auth_ttl is 300 s by default
        assertEquals(403, upload(host, "audio", enc.blob(), hash, conn.auth()).statusCode());
        assertEquals(0, f.emulator.storedMediaCount());
    }

    @Test
    void oversizeUploadIsRejectedWith413AndUnknownTypeWith400() throws Exception {
        MediaConnIq.MediaConn conn = mediaConn();
        MediaEncryptor.EncryptedBlob big = MediaEncryptor.encrypt(new byte[(1 << 20) + 1],
                MediaKeys.generate(MediaType.VIDEO, random));
        assertEquals(413, upload(conn.hosts().get(0), "video", big.blob(), big.digests().fileEncSha256(),
                conn.auth()).statusCode());
        MediaEncryptor.EncryptedBlob small = MediaEncryptor.encrypt(new byte[10],
                MediaKeys.generate(MediaType.VIDEO, random));
        assertEquals(400, upload(conn.hosts().get(0), "exe", small.blob(), small.digests().fileEncSha256(),
                conn.auth()).statusCode());
    }

    @Test
    void fullSpoolRefusesWith507UntilRetentionFreesIt() throws Exception {
        MediaConnIq.MediaConn conn = mediaConn();
        String host = conn.hosts().get(0);
        int accepted = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 6; i++) { // spool cap 4 MiB, blobs just under 1 MiB
            MediaEncryptor.EncryptedBlob enc = MediaEncryptor.encrypt(new byte[1_000_000],
                    MediaKeys.generate(MediaType.DOCUMENT, random));
            last = upload(host, "document", enc.blob(), enc.digests().fileEncSha256(), conn.auth());
            if (last.statusCode() == 200) {
                accepted++;
            }
        }
        assertEquals(4, accepted);
        assertEquals(507, last.statusCode(), last.body());
        assertEquals(4, f.emulator.storedMediaCount());
    }

    @Test
    void unknownAndExpiredPathsAre404() throws Exception {
        String host = "127.0.0.1:" + f.emulator.mediaAddress().getPort();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + host
                + "/v/t62.7118-24/nothing.enc?ccb=11-4")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("\"error\""), r.body());

        MediaConnIq.MediaConn conn = mediaConn();
        MediaEncryptor.EncryptedBlob enc = MediaEncryptor.encrypt(new byte[] {7, 7},
                MediaKeys.generate(MediaType.IMAGE, random));
        HttpResponse<String> up = upload(host, "image", enc.blob(), enc.digests().fileEncSha256(), conn.auth());
        URI url = URI.create(jsonField(up.body(), "url"));
        assertEquals(200, http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
        f.clock.advance(Duration.ofDays(31)); // retention is 30 days by default
        assertEquals(404, http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
        assertEquals(0, f.emulator.storedMediaCount());
    }

    @Test
    void mediaProxyFetchesABlobTheProviderHosts() throws Exception {
        MediaKeys keys = MediaKeys.generate(MediaType.IMAGE, random);
        byte[] plaintext = "a picture from an interop user".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MediaEncryptor.EncryptedBlob enc = MediaEncryptor.encrypt(plaintext, keys);
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        provider.createContext("/media/abc.enc", ex -> {
            ex.sendResponseHeaders(200, enc.blob().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(enc.blob());
            }
        });
        provider.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/media/abc.enc");
            byte[] fetched = f.emulator.fetchViaMediaProxy(url);
            assertArrayEquals(plaintext, VerifiedMediaDecryptor.decrypt(fetched, keys, enc.digests().expected()));

            MediaProxyException missing = assertThrows(MediaProxyException.class, () -> f.emulator
                    .fetchViaMediaProxy(URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/x")));
            assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());

            byte[] huge = new byte[(1 << 20) + 1]; // proxy cap in this fixture is 1 MiB
            provider.createContext("/media/huge.enc", ex -> {
                ex.sendResponseHeaders(200, 0); // chunked: the cap must hold without a Content-Length
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(huge);
                } catch (java.io.IOException ignored) {
                    // the proxy stops reading at the cap
                }
            });
            MediaProxyException tooBig = assertThrows(MediaProxyException.class, () -> f.emulator
                    .fetchViaMediaProxy(URI.create("http://127.0.0.1:" + provider.getAddress().getPort()
                            + "/media/huge.enc")));
            assertTrue(tooBig.getMessage().contains("cap"), tooBig.getMessage());
        } finally {
            provider.stop(0);
        }
    }

    @Test
    void mediaProxyRefusesHostsOffTheAllowListAndOtherSchemes() {
        MediaProxyException e = assertThrows(MediaProxyException.class,
                () -> f.emulator.fetchViaMediaProxy(URI.create("https://media.example.invalid/blob.enc")));
        assertTrue(e.getMessage().contains("allow-list"), e.getMessage());
        MediaProxyException file = assertThrows(MediaProxyException.class,
                () -> f.emulator.fetchViaMediaProxy(URI.create("file:///etc/passwd")));
        assertTrue(file.getMessage().contains("http(s)"), file.getMessage());
    }

    @Test
    void mediaConnIsUnavailableWhenTheHostIsOff() throws Exception {
        try (EmulatorFixture off = new EmulatorFixture(java.nio.file.Files.createDirectories(dir.resolve("off")),
                EmulatorConfig.defaults().withMedia(MediaSettings.defaults().withPort(-1)));
             TestClient c = off.consumer(PHONE, 0, true)) {
            c.send(Node.builder("iq").attr("id", "m2").attr("xmlns", "w:m").attr("type", "set")
                    .attr("to", WaJid.SERVER).child(Node.of("media_conn")).build());
            Node result = c.nextNonIb();
            assertEquals("error", result.attrs().optString("type", null), result.toString());
            assertEquals(null, off.emulator.mediaAddress());
        }
    }
}
