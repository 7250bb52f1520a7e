/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.commands;

import java.util.Locale;
import java.util.Objects;

/** An {@link AccountControl} call could not be carried out; the reason decides the XMPP error and the text. */
public final class AccountControlException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why; each maps to an XMPP error condition at the gateway boundary. */
    public enum Reason {
        /** The user has no registration (registration-required). */
        NOT_REGISTERED,
        /** The user's WhatsApp session is not connected (service-unavailable, or "pending" for block). */
        NOT_CONNECTED,
        /** WhatsApp does not know this number (item-not-found). */
        UNKNOWN_NUMBER,
        /** WhatsApp refused or the call failed (internal-server-error for the user; details in the log). */
        FAILED;

        public String i18nKey() {
            return "whatsapp.command.error." + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public AccountControlException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public AccountControlException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
