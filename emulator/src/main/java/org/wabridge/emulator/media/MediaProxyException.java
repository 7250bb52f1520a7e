/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.media;

/** The media proxy would not or could not fetch a provider-hosted blob; the message says which and why. */
public final class MediaProxyException extends Exception {
    private static final long serialVersionUID = 1L;

    public MediaProxyException(String message) {
        super(message);
    }

    public MediaProxyException(String message, Throwable cause) {
        super(message, cause);
    }
}
