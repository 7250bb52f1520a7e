/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where an encrypted attachment is and how to check and decrypt it: the message fields of
 * whatsapp-protocol.md §7.1/§7.2. Byte fields are taken as received; {@code MediaKeys.derive} and
 * {@code ExpectedMediaHashes.of} reject wrong lengths with typed errors when the blob is used.
 */
public record MediaBlob(String mimetype, long fileLength, Octets fileSha256, Octets fileEncSha256, Octets mediaKey,
        Optional<String> directPath, Optional<String> url, OptionalLong mediaKeyTimestamp) {
    public MediaBlob {
        Objects.requireNonNull(mimetype, "mimetype");
        Objects.requireNonNull(fileSha256, "fileSha256");
        Objects.requireNonNull(fileEncSha256, "fileEncSha256");
        Objects.requireNonNull(mediaKey, "mediaKey");
        Objects.requireNonNull(directPath, "directPath");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(mediaKeyTimestamp, "mediaKeyTimestamp");
        if (fileLength < 0) {
            throw new IllegalArgumentException("file length must not be negative: " + fileLength);
        }
    }
}
