/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.json.JSONObject;
import org.wabridge.emulator.ControlApi;

/** A small client for the emulator's HTTP control API, as a test or script outside the JVM would use it. */
final class ControlClient {
    /** A response: status code and body parsed as JSON. */
    record Reply(int status, JSONObject json) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    ControlClient(ControlApi api) {
        this.port = api.address().getPort();
    }

    Reply get(String path, Map<String, String> params) throws Exception {
        return call("GET", path, params, new byte[0]);
    }

    Reply post(String path, Map<String, String> params) throws Exception {
        return call("POST", path, params, new byte[0]);
    }

    Reply post(String path, Map<String, String> params, byte[] body) throws Exception {
        return call("POST", path, params, body);
    }

    private Reply call(String method, String path, Map<String, String> params, byte[] body) throws Exception {
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> query.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        URI uri = URI.create("http://127.0.0.1:" + port + path + (params.isEmpty() ? "" : "?" + query));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), new JSONObject(r.body()));
    }
}
