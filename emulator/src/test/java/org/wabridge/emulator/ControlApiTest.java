/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.binary.Node;
import org.wabridge.core.transport.TransportException;

/** The HTTP control API drives the same hooks as the Java API. */
class ControlApiTest {
    @TempDir
    Path dir;
    private EmulatorFixture f;
    private ControlApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        f = new EmulatorFixture(dir);
        api = ControlApi.start(f.emulator, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        f.close();
    }

    private HttpResponse<String> call(String method, String pathAndQuery) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + api.address().getPort() + pathAndQuery);
        return http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void usersFaultsAndStatus() throws Exception {
        assertEquals(200, call("POST", "/users?user=491700000009&optIn=false").statusCode());
        assertTrue(f.emulator.directory().account("491700000009").isPresent());
        try (TestClient bridge = f.interop(3003L, 0)) {
            HttpResponse<String> r = call("POST", "/faults/stream-error?user=3003&device=0&kind=RESTART_REQUIRED");
            assertEquals("{\"ok\":true}", r.body());
            Node error = bridge.nextNonIb();
            assertEquals("515", error.attrs().requireString("code"));
            assertThrows(TransportException.class, bridge::next);
        }
        assertEquals(200, call("POST", "/faults/reject-tokens?count=1&reason=414").statusCode());
        try (TestClient refused = TestClient.tcp(f.emulator, TestClient.interopPayload(3003L, 0,
                f.idp.token("3003", f.clock.instant())))) {
            assertEquals("414", refused.next().attrs().requireString("reason"));
        }
        String status = call("GET", "/status").body();
        assertTrue(status.contains("\"loginsRefused\":1"), status);
        assertTrue(status.contains("\"loginsAccepted\":1"), status);
    }

    @Test
    void mediaProxyFetchRouteRefusesHostsOffTheAllowList() throws Exception {
        HttpResponse<String> r = call("POST", "/media/proxy-fetch?url="
                + java.net.URLEncoder.encode("https://cdn.example.invalid/a.enc", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(502, r.statusCode());
        assertTrue(r.body().contains("allow-list"), r.body());
        assertEquals(400, call("POST", "/media/proxy-fetch").statusCode());
    }

    @Test
    void blocklistRouteShowsWhomAnAccountBlocked() throws Exception {
        f.register("491700000010", true, 0);
        try (TestClient bridge = f.interop(3004L, 0)) {
            bridge.send(new org.wabridge.core.iq.BlocklistIq.Update(org.wabridge.core.iq.BlocklistIq.Action.BLOCK,
                    org.wabridge.core.jid.WaJid.phone("491700000010")).toRequest("blk-1"));
            assertEquals("result", bridge.nextNonIb().attrs().requireString("type"));
        }
        HttpResponse<String> r = call("GET", "/blocklist?user=3004");
        assertEquals(200, r.statusCode());
        assertEquals("{\"blocked\":[\"491700000010@s.whatsapp.net\"]}", r.body());
        assertEquals("{\"blocked\":[]}", call("GET", "/blocklist?user=3005").body());
        assertEquals(400, call("GET", "/blocklist").statusCode());
    }

    @Test
    void badRequestsAreRefusedWithStatusCodes() throws Exception {
        assertEquals(400, call("POST", "/faults/drop").statusCode(), "user missing");
        assertEquals(400, call("POST", "/faults/reject-tokens?count=1&reason=999").statusCode());
        assertEquals(404, call("POST", "/nope").statusCode());
        assertEquals(405, call("GET", "/users?user=1").statusCode());
        assertEquals("{\"ok\":false}", call("POST", "/faults/drop?user=nobody&device=0").body());
    }
}
