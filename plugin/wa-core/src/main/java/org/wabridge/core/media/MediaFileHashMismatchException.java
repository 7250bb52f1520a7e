/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

/** The blob decrypts, but the plaintext's SHA-256 is not the message's fileSha256. */
public final class MediaFileHashMismatchException extends MediaCryptoException {
    private static final long serialVersionUID = 1L;

    public MediaFileHashMismatchException(MediaType mediaType, long plaintextLength) {
        super(mediaType, "fileSha256 mismatch for " + plaintextLength + " plaintext bytes");
    }
}
