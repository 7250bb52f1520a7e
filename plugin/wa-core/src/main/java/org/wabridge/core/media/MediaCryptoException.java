/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

import java.io.IOException;

/**
 * Base of every media crypto failure. It is an {@link IOException} so that it passes unchanged through the
 * stream APIs of this package; each subclass names one failed check and carries the media type.
 */
public abstract class MediaCryptoException extends IOException {
    private static final long serialVersionUID = 1L;

    private final MediaType mediaType;

    protected MediaCryptoException(MediaType mediaType, String message) {
        super(mediaType + " media: " + message);
        this.mediaType = mediaType;
    }

    /** The media type whose keys were in use. */
    public MediaType mediaType() {
        return mediaType;
    }
}
