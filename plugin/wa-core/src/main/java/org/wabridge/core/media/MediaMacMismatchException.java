/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.media;

/** The 10-byte HMAC-SHA256 over IV || ciphertext does not match the blob's trailer: the ciphertext or the MAC was altered, or the media key is wrong. */
public final class MediaMacMismatchException extends MediaCryptoException {
    private static final long serialVersionUID = 1L;

    public MediaMacMismatchException(MediaType mediaType, long blobLength) {
        super(mediaType, "MAC mismatch (blob of " + blobLength + " bytes: ciphertext or MAC altered, or wrong media key)");
    }
}
