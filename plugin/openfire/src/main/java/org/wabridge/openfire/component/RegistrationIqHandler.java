/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.openfire.i18n.Messages;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.registration.RegistrationException;
import org.wabridge.openfire.registration.RegistrationService;
import org.wabridge.openfire.xep.xep0077.RegistrationFormSpec;
import org.wabridge.openfire.xep.xep0077.RegistrationQuery;
import org.xmpp.packet.IQ;

/**
 * Answers {@code jabber:iq:register} (XEP-0077, via XEP-0100 §4.1): a get returns the form with the
 * disclosure and consent box (or a policy refusal), a set registers, re-registers or removes. Only local
 * users reach this (the component serves local users only), so the requester is {@code from}'s node.
 */
final class RegistrationIqHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationIqHandler.class);

    private final GatewayServices services;

    RegistrationIqHandler(GatewayServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    IQ get(IQ iq, Locale locale) {
        Messages texts = services.texts().apply(locale);
        String user = iq.getFrom().getNode();
        try {
            RegistrationService registrations = services.registrations();
            registrations.checkPermitted(user);
            Optional<Registration> existing = registrations.find(user);
            IQ answer = IQ.createResultIQ(iq);
            answer.setChildElement(RegistrationQuery.form(new RegistrationFormSpec(
                    texts.get("whatsapp.gateway.register.title"),
                    texts.get("whatsapp.gateway.register.instructions"),
                    texts.get("whatsapp.gateway.register.phone"),
                    texts.get("whatsapp.gateway.register.disclosure"),
                    texts.get("whatsapp.gateway.register.consent"),
                    RegistrationService.CONSENT_VERSION,
                    existing.map(Registration::phoneE164))));
            return answer;
        } catch (RegistrationException e) {
            return IqErrors.error(iq, e, texts, locale);
        }
    }

    IQ set(IQ iq, Locale locale) {
        Messages texts = services.texts().apply(locale);
        String user = iq.getFrom().getNode();
        RegistrationQuery.Submission submission = RegistrationQuery.parse(iq.getChildElement());
        try {
            if (submission.remove()) {
                services.registrations().unregister(user);
                return IQ.createResultIQ(iq);
            }
            if (!submission.hasForm()) {
                throw new RegistrationException(RegistrationException.Reason.FORM_MISSING, "no data form");
            }
            services.registrations().register(user, submission.phone().orElse(null),
                    submission.consent(), submission.consentVersion().orElse(null));
            return IQ.createResultIQ(iq);
        } catch (RegistrationException e) {
            if (e.reason() == RegistrationException.Reason.STORE_FAILED) {
                LOG.warn("WhatsApp registration store failed for {}: {}", user, causes(e));
                LOG.debug("registration store failure of {}", user, e);
            } else {
                LOG.debug("registration of {} refused: {}", user, e.getMessage());
            }
            return IqErrors.error(iq, e, texts, locale);
        }
    }

    /**
     * The cause chain as exception classes and SQLStates only: database drivers put the offending values
     * (the phone number) into their messages, which must not reach the log above DEBUG.
     */
    static String causes(Throwable e) {
        StringBuilder out = new StringBuilder();
        Throwable t = e.getCause();
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            out.append(depth == 0 ? "" : " < ").append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                out.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
        }
        return out.length() == 0 ? e.getClass().getSimpleName() : out.toString();
    }
}
