/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

/** The ciphertext is malformed, fails its MAC or signature, or uses an unsupported version. No state changed; a retry receipt is the usual answer. */
public final class InvalidMessageException extends SignalException {

    private static final long serialVersionUID = 1L;

    public InvalidMessageException(SignalAddress address, String message, Throwable cause) {
        super(address, message, cause);
    }

    public InvalidMessageException(SignalAddress address, String message) {
        super(address, message, null);
    }
}
