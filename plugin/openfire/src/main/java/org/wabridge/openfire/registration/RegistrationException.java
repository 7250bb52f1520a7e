/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import java.util.Locale;
import java.util.Objects;

/** A registration request refused for a reason the user can act on; see {@link Reason#i18nKey()}. */
public final class RegistrationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why; the component maps each to an XMPP error condition. */
    public enum Reason {
        /** No phone number given (bad-request). */
        PHONE_MISSING,
        /** Not a valid international number (not-acceptable). */
        PHONE_INVALID,
        /** Another user of this server registered the number (conflict). */
        PHONE_TAKEN,
        /** The consent box was not ticked (not-acceptable). */
        CONSENT_MISSING,
        /**
         * The form carried no disclosure version or an older one than the current text, so the user did not
         * consent to the text in force (not-acceptable).
         */
        CONSENT_OUTDATED,
        /** The submission is not the registration form (bad-request). */
        FORM_MISSING,
        /** The policy does not let this user register (forbidden). */
        NOT_PERMITTED,
        /** Unregister or a command without a registration (registration-required). */
        NOT_REGISTERED,
        /** The store failed (internal-server-error). */
        STORE_FAILED;

        public String i18nKey() {
            return "whatsapp.error.registration." + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public RegistrationException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RegistrationException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
