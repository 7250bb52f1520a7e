/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.wabridge.openfire.i18n.Messages;
import org.wabridge.openfire.id.JidMapper;
import org.wabridge.openfire.id.UnmappableJidException;
import org.wabridge.openfire.registration.PhoneNumbers;
import org.wabridge.openfire.xep.xep0100.GatewayQuery;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/** Answers {@code jabber:iq:gateway} (XEP-0100 §6.3): the phone number prompt, and number → contact JID. */
final class GatewayIqHandler {

    private final GatewayServices services;
    private final JidMapper jids;

    GatewayIqHandler(GatewayServices services, JidMapper jids) {
        this.services = Objects.requireNonNull(services, "services");
        this.jids = Objects.requireNonNull(jids, "jids");
    }

    /** The gateway's address mapping (contact JIDs to WhatsApp users). */
    JidMapper mapper() {
        return jids;
    }

    IQ get(IQ iq, Locale locale) {
        Messages texts = services.texts().apply(locale);
        IQ answer = IQ.createResultIQ(iq);
        answer.setChildElement(GatewayQuery.prompt(texts.get("whatsapp.gateway.prompt.desc"),
                texts.get("whatsapp.gateway.prompt.label")));
        return answer;
    }

    IQ set(IQ iq, Locale locale) {
        Messages texts = services.texts().apply(locale);
        Optional<String> typed = GatewayQuery.submittedPrompt(iq.getChildElement());
        if (typed.isEmpty()) {
            return IqErrors.error(iq, PacketError.Condition.bad_request,
                    texts.get("whatsapp.error.registration.phone_missing"), locale);
        }
        Optional<String> e164 = PhoneNumbers.toE164(typed.get());
        try {
            if (e164.isPresent()) {
                IQ answer = IQ.createResultIQ(iq);
                answer.setChildElement(GatewayQuery.jid(jids.fromE164(e164.get())));
                return answer;
            }
        } catch (UnmappableJidException e) {
            // libphonenumber accepted a form the mapper does not; answered as invalid below
        }
        return IqErrors.error(iq, PacketError.Condition.not_acceptable,
                texts.get("whatsapp.error.registration.phone_invalid"), locale);
    }
}
