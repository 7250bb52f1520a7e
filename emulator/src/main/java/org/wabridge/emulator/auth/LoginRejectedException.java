/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.auth;

/** A refused login: the failure code for the wire plus a detail for logs and tests (never the token). */
public final class LoginRejectedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final LoginFailure failure;

    public LoginRejectedException(LoginFailure failure, String detail) {
        super(failure + " (" + failure.reason() + "): " + detail);
        this.failure = failure;
    }

    public LoginRejectedException(LoginFailure failure, String detail, Throwable cause) {
        super(failure + " (" + failure.reason() + "): " + detail, cause);
        this.failure = failure;
    }

    public LoginFailure failure() {
        return failure;
    }
}
