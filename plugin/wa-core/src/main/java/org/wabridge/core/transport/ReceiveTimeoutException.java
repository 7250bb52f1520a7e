/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

/** No frame arrived within the requested time; the connection stays open. */
public final class ReceiveTimeoutException extends TransportException {
    public ReceiveTimeoutException(String message) {
        super(message);
    }

    public ReceiveTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
