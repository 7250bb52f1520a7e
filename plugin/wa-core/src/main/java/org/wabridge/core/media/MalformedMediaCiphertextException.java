/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

/** The blob cannot be AES-256-CBC ciphertext followed by a 10-byte MAC: too short, not whole blocks, or bad PKCS#7 padding under a valid MAC. */
public final class MalformedMediaCiphertextException extends MediaCryptoException {
    private static final long serialVersionUID = 1L;

    public MalformedMediaCiphertextException(MediaType mediaType, String reason) {
        super(mediaType, reason);
    }
}
