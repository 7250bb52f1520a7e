/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.Optional;

/**
 * Base of the port's typed failures. Each names the peer address when there is one, so the caller can send a
 * retry receipt (whatsapp-protocol.md §5.8) or report to the user without parsing messages. Messages never
 * contain key material or plaintext.
 */
public abstract sealed class SignalException extends Exception
        permits UntrustedIdentityException, DuplicateMessageException, InvalidMessageException,
                NoSessionException, InvalidKeyException {

    private static final long serialVersionUID = 1L;

    private final transient SignalAddress address;

    protected SignalException(SignalAddress address, String message, Throwable cause) {
        super(address == null ? message : message + " (" + address + ")", cause);
        this.address = address;
    }

    /** The peer device involved, when known. */
    public Optional<SignalAddress> address() {
        return Optional.ofNullable(address);
    }
}
