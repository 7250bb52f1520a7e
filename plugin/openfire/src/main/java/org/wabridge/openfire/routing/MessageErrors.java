/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import java.util.Locale;

import org.dom4j.Namespace;
import org.dom4j.QName;
import org.wabridge.core.client.SendResult;
import org.wabridge.openfire.i18n.Messages;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

/**
 * The one place where a refused message becomes an XMPP error (RFC 6120 §8.3): the original stanza goes back
 * to its sender with a condition and a localized text. Texts are {@code whatsapp.error.send.<reason>}.
 */
public final class MessageErrors {

    private static final QName XML_LANG = QName.get("lang", Namespace.XML_NAMESPACE);

    private MessageErrors() {
    }

    /** @return the XMPP condition for a WhatsApp send refusal */
    public static PacketError.Condition condition(SendResult.Reason reason) {
        switch (reason) {
            case NOT_OPTED_IN:
            case ENGINE_STOPPED:
            case NOT_CONNECTED:
                return PacketError.Condition.service_unavailable;
            case UNKNOWN_USER:
                return PacketError.Condition.item_not_found;
            case REACH_OUT_LIMIT:
                return PacketError.Condition.resource_constraint; // Tinder 1.3 lacks policy-violation
            case RATE_LIMITED:
                return PacketError.Condition.resource_constraint;
            case TIMEOUT:
                return PacketError.Condition.remote_server_timeout;
            case UNSUPPORTED_CONTENT:
                return PacketError.Condition.feature_not_implemented;
            default:
                return PacketError.Condition.undefined_condition;
        }
    }

    /** @return the i18n key of the text for a send refusal */
    public static String i18nKey(SendResult.Reason reason) {
        return "whatsapp.error.send." + reason.name().toLowerCase(Locale.ROOT);
    }

    /** @return the language of the stanza (xml:lang), or the fallback */
    public static Locale localeOf(org.xmpp.packet.Packet packet, Locale fallback) {
        String lang = packet.getElement().attributeValue(XML_LANG);
        return lang == null || lang.isBlank() ? fallback : Locale.forLanguageTag(lang);
    }

    /** @return the original message bounced back to its sender with the condition and text */
    public static Message bounce(Message original, PacketError.Condition condition, String text, Locale locale) {
        Message bounce = original.createCopy();
        bounce.setTo(original.getFrom());
        bounce.setFrom(original.getTo());
        bounce.setError(new PacketError(condition, condition.getDefaultType(), text, locale.toLanguageTag()));
        return bounce;
    }

    /** @return the bounce for a send refusal, text in the given language ({@code {0}} = the contact) */
    public static Message bounce(Message original, SendResult.Reason reason, Messages texts, Locale locale) {
        return bounce(original, condition(reason), texts.get(i18nKey(reason), original.getTo().getNode()), locale);
    }
}
