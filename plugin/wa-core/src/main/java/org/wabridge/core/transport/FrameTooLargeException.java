/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

/** A frame header announced more bytes than the configured maximum; nothing was allocated for it. */
public final class FrameTooLargeException extends TransportException {
    public FrameTooLargeException(String message) {
        super(message);
    }

    public FrameTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
