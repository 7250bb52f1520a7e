/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.auth;

import org.wabridge.core.stanza.FailureReason;

/** A refused login: the failure code for the wire plus a detail for logs and tests (never the token). */
public final class LoginRejectedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final FailureReason failure;

    public LoginRejectedException(FailureReason failure, String detail) {
        super(failure + " (" + failure.code() + "): " + detail);
        this.failure = failure;
    }

    public LoginRejectedException(FailureReason failure, String detail, Throwable cause) {
        super(failure + " (" + failure.code() + "): " + detail, cause);
        this.failure = failure;
    }

    public FailureReason failure() {
        return failure;
    }
}
