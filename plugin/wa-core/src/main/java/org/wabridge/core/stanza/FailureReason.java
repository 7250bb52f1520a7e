/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

/**
 * Known {@code reason} codes of a connect {@code <failure>} (whatsapp-protocol.md §5.12). Codes not listed map
 * to {@link #UNKNOWN}; {@link ConnectFailure#reasonCode()} keeps the number itself.
 */
public enum FailureReason {
    LOGGED_OUT(401, Action.STOP, false),
    TEMP_BANNED(402, Action.WAIT_UNTIL_EXPIRY, false),
    MAIN_DEVICE_GONE(403, Action.STOP, false),
    CLIENT_OUTDATED(405, Action.STOP, false),
    BANNED(406, Action.STOP, false),
    BAD_USER_AGENT(409, Action.STOP, false),
    TOKEN_EXPIRED(413, Action.NEW_TOKEN, false),
    TOKEN_INVALID(414, Action.NEW_TOKEN, false),
    NOT_FOUND(415, Action.STOP, false),
    /**
     * Interop only, OUR ASSUMPTION: the JWT's issuer is not a registered provider (or its keys are unknown).
     * WhatsApp's real code is not public (§10); 416 is unused in §5.12, so the emulator and bridge agree on it.
     */
    UNKNOWN_PROVIDER(416, Action.STOP, true),
    UNKNOWN_418(418, Action.STOP, false),
    INTERNAL_ERROR(500, Action.RECONNECT, false),
    EXPERIMENTAL(501, Action.STOP, false),
    SERVICE_UNAVAILABLE(503, Action.RECONNECT, false),
    /** Any code not listed above. */
    UNKNOWN(-1, Action.STOP, false);

    /** What a client should do after this failure. */
    public enum Action {
        /** Stop and surface the reason; do not reconnect on its own. */
        STOP,
        /** Mint a fresh token and try again. */
        NEW_TOKEN,
        /** Wait for the {@code expire} seconds of the failure, then try again. */
        WAIT_UNTIL_EXPIRY,
        /** Reconnect with the usual backoff. */
        RECONNECT
    }

    private final int code;
    private final Action action;
    private final boolean assumption;

    FailureReason(int code, Action action, boolean assumption) {
        this.code = code;
        this.action = action;
        this.assumption = assumption;
    }

    /** The wire code, or -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    public Action action() {
        return action;
    }

    /** True when the code is the project's own choice rather than an observed WhatsApp value. */
    public boolean isAssumption() {
        return assumption;
    }

    public static FailureReason fromCode(int code) {
        for (FailureReason reason : values()) {
            if (reason.code == code && reason != UNKNOWN) {
                return reason;
            }
        }
        return UNKNOWN;
    }
}
