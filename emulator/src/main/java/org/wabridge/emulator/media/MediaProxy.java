/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Stand-in for Meta's media proxy (whatsapp-protocol.md §7.5): a WhatsApp user's download of media sent by an
 * interop user goes through Meta, which fetches the encrypted blob from the provider's host. How the real proxy
 * is addressed and authenticated is [UNKNOWN]; the assumption here is the simplest one: the message carries an
 * absolute http(s) URL on the provider's host, fetched with a plain GET, no credentials, only from hosts on an
 * allow-list, with a size cap and a timeout. The blob is returned as is; the downloading client verifies
 * hashes and MAC (§7.1), as it would after Meta's proxy.
 */
public final class MediaProxy {
    private final HttpClient http;
    private final List<String> allowedHosts;
    private final long maxBytes;
    private final Duration timeout;

    public MediaProxy(MediaSettings settings) {
        this.allowedHosts = settings.proxyAllowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.maxBytes = settings.proxyMaxBytes();
        this.timeout = settings.proxyTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Fetches the encrypted blob at {@code url}; refuses other schemes, hosts off the allow-list, and oversize blobs. */
    public byte[] fetch(URI url) throws MediaProxyException, InterruptedException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new MediaProxyException("media proxy fetches only http(s) URLs, not " + scheme);
        }
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!allowedHosts.contains(host)) {
            throw new MediaProxyException("host not on the media proxy allow-list: " + host);
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new MediaProxyException("provider answered HTTP " + response.statusCode() + " for " + url);
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    throw new MediaProxyException("blob of " + declared + " bytes exceeds the cap of " + maxBytes);
                }
                return readCapped(body);
            }
        } catch (IOException e) {
            throw new MediaProxyException("fetching " + url + " failed: " + e.getMessage(), e);
        }
    }

    private byte[] readCapped(InputStream body) throws IOException, MediaProxyException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = body.read(buf)) > 0; ) {
            if (out.size() + (long) n > maxBytes) {
                throw new MediaProxyException("blob exceeds the cap of " + maxBytes + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
