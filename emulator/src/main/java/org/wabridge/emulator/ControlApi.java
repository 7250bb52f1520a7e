/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.wabridge.core.stanza.FailureReason;
import org.wabridge.emulator.media.MediaProxyException;
import org.wabridge.emulator.sim.SimControl;
import org.wabridge.emulator.sim.SimulatedUserException;

/**
 * A small HTTP+JSON face on the Java control hooks, for running the emulator alone. Every call is a POST
 * with query parameters (GET for {@code /status}); answers are JSON. Bind it to loopback: it has no
 * authentication.
 *
 * <pre>
 * GET  /status
 * POST /users?user=&amp;optIn=true|false          POST /devices?user=&amp;device=&amp;noiseKey=&lt;hex&gt;
 * POST /devices/remove?user=&amp;device=          POST /optin?user=&amp;value=true|false
 * POST /ban?user=&amp;seconds=
 * POST /faults/{drop|silence|corrupt|replay}?user=&amp;device=
 * POST /faults/stream-error?user=&amp;device=&amp;kind=SERVICE_UNAVAILABLE|RESTART_REQUIRED|REPLACED|DEVICE_REMOVED
 * POST /faults/delay?user=&amp;device=&amp;millis=
 * POST /faults/reject-tokens?count=&amp;reason=413
 * POST /media/proxy-fetch?url=&lt;provider URL&gt;   → {"length":n,"blob":"&lt;base64&gt;"} (502 if refused)
 * /sim/…  simulated WhatsApp users, see {@link SimControl} and the README (GET /sim/users, GET /sim/inbox)
 * </pre>
 */
public final class ControlApi implements AutoCloseable {
    /** Largest request body (a simulated user's media upload) the API reads. */
    static final int MAX_BODY = 16 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final WaEmulator emulator;
    private final SimControl sim;

    private ControlApi(HttpServer server, ExecutorService executor, WaEmulator emulator) {
        this.server = server;
        this.executor = executor;
        this.emulator = emulator;
        this.sim = new SimControl(emulator.simulatedUsers());
    }

    public static ControlApi start(WaEmulator emulator, InetSocketAddress bind) throws IOException {
        HttpServer server = HttpServer.create(bind, 16);
        // a few threads: a simulated user's send blocks until the emulator acked it
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "wa-emulator-control");
            t.setDaemon(true);
            return t;
        });
        ControlApi api = new ControlApi(server, executor, emulator);
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            boolean getRoute = path.equals("/status") || path.equals("/blocklist") || SimControl.isGetRoute(path);
            if (!(method.equals("POST") || method.equals("GET") && getRoute)) {
                reply(ex, 405, "{\"error\":\"use POST (GET only for /status, /blocklist, /sim/users, /sim/inbox)\"}");
                return;
            }
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            try {
                if (path.startsWith("/sim/")) {
                    byte[] body = ex.getRequestBody().readNBytes(MAX_BODY + 1);
                    if (body.length > MAX_BODY) {
                        reply(ex, 413, "{\"error\":\"request body over " + MAX_BODY + " bytes\"}");
                        return;
                    }
                    reply(ex, 200, sim.handle(method, path, q, body).orElseThrow(UnknownPathException::new));
                    return;
                }
                reply(ex, 200, dispatch(path, q));
            } catch (IllegalArgumentException | NullPointerException e) {
                reply(ex, 400, "{\"error\":\"" + json(String.valueOf(e.getMessage())) + "\"}");
            } catch (SimulatedUserException e) {
                reply(ex, statusOf(e.problem()), "{\"error\":\"" + json(String.valueOf(e.getMessage()))
                        + "\",\"problem\":\"" + e.problem() + "\"}");
            } catch (UnknownPathException e) {
                reply(ex, 404, "{\"error\":\"unknown path\"}");
            } catch (MediaProxyException e) {
                reply(ex, 502, "{\"error\":\"" + json(String.valueOf(e.getMessage())) + "\"}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply(ex, 503, "{\"error\":\"interrupted\"}");
            }
        }
    }

    private static int statusOf(SimulatedUserException.Problem problem) {
        switch (problem) {
            case UNKNOWN_USER:
                return 404;
            case ALREADY_EXISTS:
                return 409;
            case TIMEOUT:
                return 504;
            case UNAVAILABLE:
                return 503;
            default: // LOGIN_FAILED, MEDIA_FAILED: the emulator's own parts failed
                return 502;
        }
    }

    private static final class UnknownPathException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private String dispatch(String path, Map<String, String> q)
            throws UnknownPathException, IOException, MediaProxyException, InterruptedException {
        Directory dir = emulator.directory();
        switch (path) {
            case "/status":
                Counters c = emulator.counters();
                return "{\"connectionsAccepted\":" + c.connectionsAccepted() + ",\"connectionsRefused\":"
                        + c.connectionsRefused() + ",\"loginsAccepted\":" + c.loginsAccepted()
                        + ",\"loginsRefused\":" + c.loginsRefused() + ",\"malformedInputs\":" + c.malformedInputs()
                        + ",\"routedMessages\":" + emulator.routedMessages() + "}";
            case "/blocklist":
                return emulator.blockListOf(req(q, "user")).stream().map(j -> "\"" + json(j) + "\"")
                        .collect(java.util.stream.Collectors.joining(",", "{\"blocked\":[", "]}"));
            case "/users":
                dir.addUser(req(q, "user"), Boolean.parseBoolean(q.getOrDefault("optIn", "true")));
                return ok(true);
            case "/devices":
                dir.addDevice(req(q, "user"), device(q), HexFormat.of().parseHex(req(q, "noiseKey")));
                return ok(true);
            case "/devices/remove":
                return ok(emulator.removeDevice(req(q, "user"), device(q)));
            case "/optin":
                dir.setOptIn(req(q, "user"), Boolean.parseBoolean(req(q, "value")));
                return ok(true);
            case "/ban":
                dir.banTemporarily(req(q, "user"), Duration.ofSeconds(Long.parseLong(req(q, "seconds"))));
                return ok(true);
            case "/faults/drop":
                return ok(emulator.dropConnection(req(q, "user"), device(q)));
            case "/faults/silence":
                return ok(emulator.silence(req(q, "user"), device(q)));
            case "/faults/corrupt":
                return ok(emulator.corruptNextFrame(req(q, "user"), device(q)));
            case "/faults/replay":
                try {
                    return ok(emulator.replayLastFrame(req(q, "user"), device(q)));
                } catch (org.wabridge.core.transport.TransportException e) {
                    throw new IOException("replay failed: " + e.getMessage(), e);
                }
            case "/faults/stream-error":
                return ok(emulator.sendStreamError(req(q, "user"), device(q), StreamErrorKind.valueOf(req(q, "kind"))));
            case "/faults/delay":
                return ok(emulator.delayOutgoing(req(q, "user"), device(q),
                        Duration.ofMillis(Long.parseLong(req(q, "millis")))));
            case "/faults/reject-tokens":
                emulator.rejectNextTokens(Integer.parseInt(req(q, "count")),
                        FailureReason.fromCode(Integer.parseInt(req(q, "reason"))));
                return ok(true);
            case "/media/proxy-fetch":
                byte[] blob = emulator.fetchViaMediaProxy(java.net.URI.create(req(q, "url")));
                return "{\"length\":" + blob.length + ",\"blob\":\"" + Base64.getEncoder().encodeToString(blob)
                        + "\"}";
            default:
                throw new UnknownPathException();
        }
    }

    private static String ok(boolean done) {
        return "{\"ok\":" + done + "}";
    }

    private static int device(Map<String, String> q) {
        return Integer.parseInt(q.getOrDefault("device", "0"));
    }

    private static String req(Map<String, String> q, String key) {
        String v = q.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("missing parameter " + key);
        }
        return v;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw == null) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
