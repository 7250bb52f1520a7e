/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

/** The connection intro ({@code ED} prefix or {@code WA} header) is malformed or names an unsupported version. */
public final class ConnectionIntroException extends TransportException {
    public ConnectionIntroException(String message) {
        super(message);
    }

    public ConnectionIntroException(String message, Throwable cause) {
        super(message, cause);
    }
}
