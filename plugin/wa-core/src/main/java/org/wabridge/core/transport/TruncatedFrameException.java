/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

/** The stream ended in the middle of a frame (or of the connection intro). */
public final class TruncatedFrameException extends TransportException {
    public TruncatedFrameException(String message) {
        super(message);
    }

    public TruncatedFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
