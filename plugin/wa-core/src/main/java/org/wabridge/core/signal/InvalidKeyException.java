/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

/** A key is malformed, a signature does not verify, or a message refers to a prekey that no longer exists (already used). No state changed. */
public final class InvalidKeyException extends SignalException {

    private static final long serialVersionUID = 1L;

    public InvalidKeyException(SignalAddress address, String message, Throwable cause) {
        super(address, message, cause);
    }

    public InvalidKeyException(SignalAddress address, String message) {
        super(address, message, null);
    }
}
