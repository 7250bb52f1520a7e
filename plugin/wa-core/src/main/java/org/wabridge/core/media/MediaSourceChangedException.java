/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

/** A re-readable media source returned different bytes on the second pass of a verified decryption than on the first; the caller must discard what the sink received. */
public final class MediaSourceChangedException extends MediaCryptoException {
    private static final long serialVersionUID = 1L;

    public MediaSourceChangedException(MediaType mediaType, String detail) {
        super(mediaType, "source changed between verification and decryption: " + detail);
    }
}
