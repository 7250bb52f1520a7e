/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

/** The media key in a message is not 32 bytes, so no keys can be derived. */
public final class InvalidMediaKeyException extends MediaCryptoException {
    private static final long serialVersionUID = 1L;

    public InvalidMediaKeyException(MediaType mediaType, int actualLength) {
        super(mediaType, "media key must be 32 bytes, got " + (actualLength < 0 ? "none" : actualLength + " bytes"));
    }
}
