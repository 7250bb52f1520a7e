/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Encrypted blobs on disk, keyed by their direct path. Uploads stream to a temporary file while being hashed
 * and counted, so a large blob never sits in memory; the blob size and the whole spool are bounded, and blobs
 * older than the retention period are deleted.
 */
public final class MediaStore implements AutoCloseable {
    /** What an accepted upload is known by (the JSON answer of §7.4). */
    public record Stored(String directPath, String handle, String objectId, long length) {
    }

    private record Entry(Path file, long length, Instant storedAt) {
    }

    private final Path dir;
    private final boolean ownsDir;
    private final long maxBlobBytes;
    private final long spoolCapBytes;
    private final Duration retention;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Entry> blobs = new ConcurrentHashMap<>();
    /** Bytes stored plus bytes of uploads in flight. */
    private final AtomicLong used = new AtomicLong();

    public MediaStore(MediaSettings settings, Clock clock, SecureRandom random) throws IOException {
        this.ownsDir = settings.spoolDir() == null;
        this.dir = ownsDir ? Files.createTempDirectory("wa-emulator-media") : Files.createDirectories(settings.spoolDir());
        this.maxBlobBytes = settings.maxBlobBytes();
        this.spoolCapBytes = settings.spoolCapBytes();
        this.retention = settings.retention();
        this.clock = clock;
        this.random = random;
    }

    /**
     * Streams {@code body} to the spool and keeps it when its SHA-256 equals {@code expectedSha256}
     * (the upload's {@code fileEncSha256}).
     */
    public Stored store(InputStream body, byte[] expectedSha256) throws IOException, MediaUploadException {
        purgeExpired();
        Path tmp = Files.createTempFile(dir, "upload", ".part");
        long reserved = 0;
        boolean kept = false;
        try {
            MessageDigest sha = sha256();
            byte[] buf = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(tmp)) {
                for (int n; (n = body.read(buf)) > 0; ) {
                    if (reserved + n > maxBlobBytes) {
                        throw new MediaUploadException(413, "blob larger than " + maxBlobBytes + " bytes");
                    }
                    if (used.addAndGet(n) > spoolCapBytes) {
                        used.addAndGet(-n);
                        throw new MediaUploadException(507, "media spool full");
                    }
                    reserved += n;
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            if (reserved == 0) {
                throw new MediaUploadException(400, "empty body");
            }
            if (!MessageDigest.isEqual(sha.digest(), expectedSha256)) {
                throw new MediaUploadException(400, "SHA-256 of the body does not match the token");
            }
            String id = randomId(24);
            Path file = dir.resolve(id + ".enc");
            Files.move(tmp, file);
            // The t62 segment mimics the shape of real direct paths (§7.4); oh/oe are opaque here.
            String directPath = "/v/t62.7118-24/" + id + ".enc?ccb=11-4&oh=" + randomId(12) + "&oe="
                    + Long.toHexString(clock.instant().plus(retention).getEpochSecond()).toUpperCase();
            blobs.put(pathOnly(directPath), new Entry(file, reserved, clock.instant()));
            kept = true;
            return new Stored(directPath, randomId(16), HexFormat.of().formatHex(randomBytes(8)), reserved);
        } finally {
            if (!kept) {
                used.addAndGet(-reserved);
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The blob file for a direct path (its query part is ignored), unless unknown or expired. */
    public Optional<Path> find(String directPath) throws IOException {
        purgeExpired();
        Entry e = blobs.get(pathOnly(directPath));
        return e == null ? Optional.empty() : Optional.of(e.file());
    }

    public int size() {
        return blobs.size();
    }

    public long bytesUsed() {
        return used.get();
    }

    private void purgeExpired() throws IOException {
        Instant cutoff = clock.instant().minus(retention);
        for (Map.Entry<String, Entry> e : blobs.entrySet()) {
            if (e.getValue().storedAt().isBefore(cutoff) && blobs.remove(e.getKey(), e.getValue())) {
                Files.deleteIfExists(e.getValue().file());
                used.addAndGet(-e.getValue().length());
            }
        }
    }

    static String pathOnly(String directPath) {
        int q = directPath.indexOf('?');
        return q < 0 ? directPath : directPath.substring(0, q);
    }

    private String randomId(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }

    @Override
    public void close() throws IOException {
        for (Entry e : blobs.values()) {
            Files.deleteIfExists(e.file());
        }
        blobs.clear();
        if (ownsDir) {
            try (var left = Files.list(dir)) {
                for (Path p : (Iterable<Path>) left::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
