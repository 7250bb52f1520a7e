/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An mmg-like media host (whatsapp-protocol.md §7.4): {@code POST /mms/<type>/<b64url(fileEncSha256)>?auth=…
 * &token=<b64url(fileEncSha256)>} stores an encrypted blob and answers {@code {url, direct_path, handle,
 * object_id}}; {@code GET <direct_path>} serves it. Plain HTTP because it binds loopback only; WhatsApp's real
 * hosts speak HTTPS.
 *
 * <p>Status codes (assumed, WhatsApp does not publish them): 400 bad path, type or hash; 401 no auth; 403 auth
 * unknown or expired; 404 unknown or expired blob; 405 wrong method; 413 blob too large; 507 spool full.
 */
public final class MediaHost implements AutoCloseable {
    /** mms types of §7.4 (WM upload.go, BL MEDIA_PATH_MAP). */
    static final Set<String> MMS_TYPES = Set.of("image", "video", "audio", "ptt", "document", "md-msg-hist",
            "md-app-state", "sticker-pack", "thumbnail-link");

    private final HttpServer server;
    private final ExecutorService executor;
    private final MediaStore store;
    private final MediaAuthTokens auth;

    private MediaHost(HttpServer server, ExecutorService executor, MediaStore store, MediaAuthTokens auth) {
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.auth = auth;
    }

    public static MediaHost start(InetSocketAddress bind, MediaStore store, MediaAuthTokens auth) throws IOException {
        HttpServer server = HttpServer.create(bind, 32);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "wa-emulator-media");
            t.setDaemon(true);
            return t;
        });
        MediaHost host = new MediaHost(server, executor, store, auth);
        server.createContext("/", host::handle);
        server.setExecutor(executor);
        server.start();
        return host;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code 127.0.0.1:<port>}: what media_conn announces as the host name. */
    public String hostAndPort() {
        return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            if (path.startsWith("/mms/")) {
                if (!method.equals("POST")) {
                    error(ex, 405, "uploads use POST");
                    return;
                }
                upload(ex, path);
            } else if (method.equals("GET") || method.equals("HEAD")) {
                download(ex, path, method.equals("HEAD"));
            } else {
                error(ex, 405, "downloads use GET");
            }
        }
    }

    private void upload(HttpExchange ex, String path) throws IOException {
        InputStream body = ex.getRequestBody();
        try {
            String[] parts = path.substring("/mms/".length()).split("/");
            if (parts.length != 2 || !MMS_TYPES.contains(parts[0])) {
                throw new MediaUploadException(400, "expected /mms/<type>/<b64url(fileEncSha256)>");
            }
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            String token = q.get("auth");
            if (token == null || token.isEmpty()) {
                throw new MediaUploadException(401, "missing auth");
            }
            if (!auth.isValid(token)) {
                throw new MediaUploadException(403, "auth unknown or expired");
            }
            if (!parts[1].equals(q.get("token"))) {
                throw new MediaUploadException(400, "token does not match the path hash");
            }
            byte[] expected = decodeHash(parts[1]);
            MediaStore.Stored s = store.store(body, expected);
            String url = "http://" + hostAndPort() + s.directPath();
            reply(ex, 200, "{\"url\":\"" + json(url) + "\",\"direct_path\":\"" + json(s.directPath())
                    + "\",\"handle\":\"" + s.handle() + "\",\"object_id\":\"" + s.objectId() + "\"}");
        } catch (MediaUploadException e) {
            // Read what the client still sends so it sees our answer rather than a reset connection.
            body.transferTo(OutputStream.nullOutputStream());
            error(ex, e.status(), e.getMessage());
        } finally {
            body.close();
        }
    }

    private static byte[] decodeHash(String b64) throws MediaUploadException {
        byte[] hash;
        try {
            hash = Base64.getUrlDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new MediaUploadException(400, "hash is not base64url");
        }
        if (hash.length != 32) {
            throw new MediaUploadException(400, "hash is not 32 bytes");
        }
        return hash;
    }

    private void download(HttpExchange ex, String path, boolean headOnly) throws IOException {
        Optional<Path> file = store.find(path);
        if (file.isEmpty()) {
            error(ex, 404, "no such media");
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        long length = Files.size(file.get());
        ex.sendResponseHeaders(200, headOnly ? -1 : length);
        if (!headOnly) {
            try (OutputStream out = ex.getResponseBody()) {
                Files.copy(file.get(), out);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return map;
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        reply(ex, status, "{\"error\":\"" + json(message) + "\",\"status\":" + status + "}");
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
