/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Optional;

/**
 * Known {@code error} codes on an {@code <ack>}: server errors for a sent message and client nack codes
 * (whatsapp-protocol.md §5.5). Entries marked {@link #isAssumption()} are the project's own choice where
 * WhatsApp's interop code is not public (§10); the emulator and the bridge both use this table.
 */
public enum AckError {
    /** 463: 1:1 message rejected by the reach-out limit / missing privacy token (observed, §5.5). */
    REACH_OUT_LIMIT(463, false, false),
    /** OUR ASSUMPTION 421: the recipient has not opted in to third-party (interop) chats. */
    RECIPIENT_NOT_OPTED_IN(421, false, true),
    /** OUR ASSUMPTION 404: no such WhatsApp user (404 mirrors the IQ "item-not-found" code, §9.2). */
    UNKNOWN_USER(404, false, true),
    /** OUR ASSUMPTION 429: sender rate-limited (429 mirrors the IQ "rate-overlimit" code, §9.2). */
    RATE_LIMITED(429, true, true),
    /** 487..552: client nack codes (whatsmeow receipt.go constants, §5.5). */
    PARSING_ERROR(487, false, false),
    UNRECOGNIZED_STANZA(488, false, false),
    UNRECOGNIZED_CLASS(489, false, false),
    UNRECOGNIZED_TYPE(490, false, false),
    INVALID_PROTOBUF(491, false, false),
    INVALID_HOSTED_COMPANION_STANZA(493, false, false),
    MISSING_MESSAGE_SECRET(495, false, false),
    SIGNAL_OLD_COUNTER(496, false, false),
    DELETED_ON_PEER(499, false, false),
    UNHANDLED_ERROR(500, true, false),
    UNSUPPORTED_ADMIN_REVOKE(550, false, false),
    UNSUPPORTED_LID_GROUP(551, false, false),
    DB_OPERATION_FAILED(552, true, false);

    private final int code;
    private final boolean retryable;
    private final boolean assumption;

    AckError(int code, boolean retryable, boolean assumption) {
        this.code = code;
        this.retryable = retryable;
        this.assumption = assumption;
    }

    public int code() {
        return code;
    }

    /** True when sending again later may succeed (463 is deliberately not: a retry counts as another reach-out). */
    public boolean isRetryable() {
        return retryable;
    }

    /** True when the code is the project's own choice rather than an observed WhatsApp value. */
    public boolean isAssumption() {
        return assumption;
    }

    public static Optional<AckError> fromCode(int code) {
        for (AckError error : values()) {
            if (error.code == code) {
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }
}
