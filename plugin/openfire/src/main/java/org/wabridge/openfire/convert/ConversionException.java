/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import java.util.Objects;

/** An XMPP stanza that cannot become a WhatsApp message; {@link #reason()} decides the XMPP error. */
public final class ConversionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the stanza was refused; each has an i18n text {@code whatsapp.error.<lower-case name>}. */
    public enum Reason {
        /** An extension element breaks its XEP (bad-request). */
        MALFORMED,
        /** The body is longer than WhatsApp accepts (not-acceptable). */
        TOO_LARGE,
        /** A correction, retraction or reaction names a message the gateway does not know (item-not-found). */
        UNKNOWN_MESSAGE,
        /** A correction or retraction names a message the user did not send (not-allowed). */
        NOT_OWN_MESSAGE,
        /** More than one reaction; WhatsApp keeps one per person (not-acceptable). */
        TOO_MANY_REACTIONS,
        /** A correction without a body, or nothing to send at all (bad-request). */
        EMPTY;

        /** @return the i18n key of the text shown to the user */
        public String i18nKey() {
            return "whatsapp.error." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    public ConversionException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ConversionException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
