/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An encrypted blob that can be read from the start more than once and returns the same bytes each time,
 * e.g. a spooled download the bridge owns. {@link VerifiedMediaDecryptor} reads it twice.
 */
@FunctionalInterface
public interface MediaSource {
    /** Opens a fresh stream positioned at the first byte of the blob; the caller closes it. */
    InputStream open() throws IOException;

    /** A blob held in memory (small media, thumbnails, tests); the array is not copied. */
    static MediaSource ofBytes(byte[] blob) {
        Objects.requireNonNull(blob, "blob");
        return () -> new ByteArrayInputStream(blob);
    }

    /** A blob in a file that nobody else writes while it is being decrypted. */
    static MediaSource ofPath(Path file) {
        Objects.requireNonNull(file, "file");
        return () -> Files.newInputStream(file);
    }
}
