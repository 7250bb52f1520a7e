/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.media;

/** An upload the media host refuses; {@link #status()} is the HTTP status it answers with. */
public final class MediaUploadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    public MediaUploadException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
