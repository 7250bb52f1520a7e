/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.auth;

/** Why a login was refused, with the {@code <failure reason>} code sent (see package-info for the table). */
public enum LoginFailure {
    NOT_AUTHORIZED("401"),
    TEMPORARY_BAN("402"),
    TOKEN_EXPIRED("413"),
    TOKEN_INVALID("414"),
    UNKNOWN_PROVIDER("415");

    private final String reason;

    LoginFailure(String reason) {
        this.reason = reason;
    }

    /** The value of the {@code reason} attribute of {@code <failure>}. */
    public String reason() {
        return reason;
    }
}
