/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

/** There is no session (or no sender key) to encrypt or decrypt with. The caller should fetch a bundle, or for groups wait for a sender-key distribution message. */
public final class NoSessionException extends SignalException {

    private static final long serialVersionUID = 1L;

    public NoSessionException(SignalAddress address, String message, Throwable cause) {
        super(address, message, cause);
    }

    public NoSessionException(SignalAddress address, String message) {
        super(address, message, null);
    }
}
