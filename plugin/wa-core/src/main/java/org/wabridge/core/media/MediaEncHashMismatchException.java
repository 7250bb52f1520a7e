/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

/** The blob is internally consistent (its MAC verifies) but its SHA-256 is not the message's fileEncSha256: a different upload than the one the message names. */
public final class MediaEncHashMismatchException extends MediaCryptoException {
    private static final long serialVersionUID = 1L;

    public MediaEncHashMismatchException(MediaType mediaType, long blobLength) {
        super(mediaType, "fileEncSha256 mismatch for a blob of " + blobLength + " bytes");
    }
}
