/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import java.util.Locale;

import org.wabridge.openfire.convert.ConversionException;
import org.wabridge.openfire.i18n.Messages;
import org.wabridge.openfire.registration.RegistrationException;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/**
 * The one place where the gateway's typed errors become XMPP errors (RFC 6120 §8.3): a condition per reason
 * and a readable, localized text.
 */
public final class IqErrors {

    private IqErrors() {
    }

    /** @return the XMPP condition for a registration refusal */
    public static PacketError.Condition condition(RegistrationException.Reason reason) {
        switch (reason) {
            case PHONE_MISSING:
            case FORM_MISSING:
                return PacketError.Condition.bad_request;
            case PHONE_INVALID:
            case CONSENT_MISSING:
            case CONSENT_OUTDATED:
                return PacketError.Condition.not_acceptable;
            case PHONE_TAKEN:
                return PacketError.Condition.conflict;
            case NOT_PERMITTED:
                return PacketError.Condition.forbidden;
            case NOT_REGISTERED:
                return PacketError.Condition.registration_required;
            default:
                return PacketError.Condition.internal_server_error;
        }
    }

    /** @return the XMPP condition for a refused message */
    public static PacketError.Condition condition(ConversionException.Reason reason) {
        switch (reason) {
            case MALFORMED:
            case EMPTY:
                return PacketError.Condition.bad_request;
            case UNKNOWN_MESSAGE:
                return PacketError.Condition.item_not_found;
            case NOT_OWN_MESSAGE:
                return PacketError.Condition.not_allowed;
            default:
                return PacketError.Condition.not_acceptable;
        }
    }

    /** @return an error answer to {@code request} with the condition and a text in the given language */
    public static IQ error(IQ request, PacketError.Condition condition, String text, Locale locale) {
        IQ answer = IQ.createResultIQ(request);
        if (request.getChildElement() != null) {
            answer.setChildElement(request.getChildElement().createCopy());
        }
        answer.setError(withText(condition, text, locale));
        return answer;
    }

    /** @return the error answer for a registration refusal */
    public static IQ error(IQ request, RegistrationException e, Messages texts, Locale locale) {
        return error(request, condition(e.reason()), texts.get(e.reason().i18nKey()), locale);
    }

    /** Sets a typed error with text on a bounced copy of a packet (messages), see {@link Packet#setError}. */
    public static PacketError withText(PacketError.Condition condition, String text, Locale locale) {
        return new PacketError(condition, condition.getDefaultType(), text, locale.toLanguageTag());
    }
}
