/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wabridge.core.media.ExpectedMediaHashes;
import org.wabridge.core.media.MediaCryptoException;
import org.wabridge.core.media.MediaEncryptor;
import org.wabridge.core.media.MediaKeys;
import org.wabridge.core.media.VerifiedMediaDecryptor;
import org.wabridge.core.message.MediaBlob;
import org.wabridge.core.message.MediaContent;
import org.wabridge.core.message.MediaKind;
import org.wabridge.core.message.Octets;
import org.wabridge.emulator.WaEmulator;
import org.wabridge.emulator.media.MediaProxyException;
import org.wabridge.emulator.sim.SimulatedUserException.Problem;

/**
 * Media the way a WhatsApp phone handles it (whatsapp-protocol.md §7.1, §7.4): encrypt with a fresh media key,
 * POST the blob to {@code /mms/<type>/<b64url(fileEncSha256)>?auth=…&token=…} on the emulator's media host,
 * and put the answer's URL and direct path in the message; for received media, fetch the blob (from the media
 * host, or through the emulator's media proxy when an interop user's server hosts it), check and decrypt it.
 */
final class SimMedia {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern FIELD = Pattern.compile("\"(url|direct_path)\":\"([^\"]*)\"");
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final WaEmulator emulator;
    private final Supplier<HttpClient> httpFactory;
    private final SecureRandom random;
    private final Clock clock;
    private HttpClient http;

    /** {@code httpFactory} runs on first use: an emulator without media traffic starts no HTTP client thread. */
    SimMedia(WaEmulator emulator, Supplier<HttpClient> httpFactory, SecureRandom random, Clock clock) {
        this.emulator = emulator;
        this.httpFactory = httpFactory;
        this.random = random;
        this.clock = clock;
    }

    /** Encrypts and uploads {@code plaintext}; the result is ready to send. */
    MediaContent upload(MediaKind kind, byte[] plaintext, String mimetype, Optional<String> caption,
                        Optional<String> fileName) throws SimulatedUserException, InterruptedException {
        InetSocketAddress host = requireHost();
        MediaKeys keys = MediaKeys.generate(kind.mediaType(), random);
        MediaEncryptor.EncryptedBlob enc = MediaEncryptor.encrypt(plaintext, keys);
        String hash = B64URL.encodeToString(enc.digests().fileEncSha256());
        URI uri = URI.create("http://" + hostAndPort(host) + "/mms/" + kind.mediaType().mmsType() + "/" + hash
                + "?auth=" + emulator.issueMediaAuthToken() + "&token=" + hash);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT)
                .header("Origin", "https://web.whatsapp.com")
                .POST(HttpRequest.BodyPublishers.ofByteArray(enc.blob())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new SimulatedUserException(Problem.MEDIA_FAILED, "media upload refused: HTTP "
                    + response.statusCode() + " " + response.body());
        }
        String url = null;
        String directPath = null;
        Matcher m = FIELD.matcher(response.body());
        while (m.find()) {
            if (m.group(1).equals("url")) {
                url = m.group(2);
            } else {
                directPath = m.group(2);
            }
        }
        if (url == null || directPath == null) {
            throw new SimulatedUserException(Problem.MEDIA_FAILED, "media upload answer lacks url or direct_path");
        }
        MediaBlob blob = new MediaBlob(mimetype, plaintext.length, Octets.of(enc.digests().fileSha256()),
                Octets.of(enc.digests().fileEncSha256()), Octets.of(keys.mediaKey()), Optional.of(directPath),
                Optional.of(url), OptionalLong.of(clock.instant().getEpochSecond()));
        boolean captioned = kind == MediaKind.IMAGE || kind == MediaKind.VIDEO || kind == MediaKind.DOCUMENT;
        return new MediaContent(kind, blob, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                captioned ? caption : Optional.empty(), kind == MediaKind.DOCUMENT ? fileName : Optional.empty(),
                Optional.empty(), false, Optional.empty(), List.of());
    }

    /** Fetches, verifies and decrypts a received attachment. */
    byte[] download(MediaContent media) throws SimulatedUserException, InterruptedException {
        MediaBlob blob = media.blob();
        byte[] encrypted = fetch(blob);
        try {
            MediaKeys keys = MediaKeys.derive(blob.mediaKey().toByteArray(), media.kind().mediaType());
            return VerifiedMediaDecryptor.decrypt(encrypted, keys,
                    ExpectedMediaHashes.of(blob.fileSha256().toByteArray(), blob.fileEncSha256().toByteArray()));
        } catch (MediaCryptoException e) {
            throw new SimulatedUserException(Problem.MEDIA_FAILED, "received media does not decrypt: "
                    + e.getMessage(), e);
        }
    }

    private byte[] fetch(MediaBlob blob) throws SimulatedUserException, InterruptedException {
        InetSocketAddress host = emulator.mediaAddress();
        String local = host == null ? null : hostAndPort(host);
        Optional<URI> url = blob.url().map(URI::create);
        if (url.isPresent() && (local == null || !local.equals(url.get().getRawAuthority()))) {
            try { // hosted by an interop user's server: WhatsApp users reach it through Meta's proxy (§7.5)
                return emulator.fetchViaMediaProxy(url.get());
            } catch (MediaProxyException e) {
                throw new SimulatedUserException(Problem.MEDIA_FAILED, "media proxy refused: " + e.getMessage(), e);
            }
        }
        if (local == null) {
            throw new SimulatedUserException(Problem.UNAVAILABLE, "the emulator's media host is off");
        }
        URI target = url.orElseGet(() -> URI.create("http://" + local + blob.directPath().orElse("/")));
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(target).timeout(HTTP_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new SimulatedUserException(Problem.MEDIA_FAILED, "media download failed: HTTP "
                    + response.statusCode());
        }
        return response.body();
    }

    private InetSocketAddress requireHost() throws SimulatedUserException {
        InetSocketAddress host = emulator.mediaAddress();
        if (host == null) {
            throw new SimulatedUserException(Problem.UNAVAILABLE, "the emulator's media host is off");
        }
        return host;
    }

    private static String hostAndPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws SimulatedUserException, InterruptedException {
        HttpClient client;
        synchronized (this) {
            if (http == null) {
                http = httpFactory.get();
            }
            client = http;
        }
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new SimulatedUserException(Problem.MEDIA_FAILED, "media host unreachable: " + e.getMessage(), e);
        }
    }
}
