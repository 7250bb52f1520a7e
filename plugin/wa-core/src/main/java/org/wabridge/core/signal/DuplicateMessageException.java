/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

/** The message was already decrypted once (its message key is used up). It was not decrypted again and no state changed; the caller should ack it and drop it. */
public final class DuplicateMessageException extends SignalException {

    private static final long serialVersionUID = 1L;

    public DuplicateMessageException(SignalAddress address, String message, Throwable cause) {
        super(address, message, cause);
    }

    public DuplicateMessageException(SignalAddress address, String message) {
        super(address, message, null);
    }
}
