/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.convert;

import java.util.Optional;

import org.wabridge.core.message.Revoke;
import org.wabridge.openfire.xep.MalformedElementException;
import org.wabridge.openfire.xep.xep0424.Retract;
import org.xmpp.packet.Message;

/** XEP-0424 retraction → WhatsApp revoke of the user's own message; the fallback body is not sent. */
public final class ToWhatsAppRetraction {

    private ToWhatsAppRetraction() {
    }

    /** @throws ConversionException MALFORMED, UNKNOWN_MESSAGE or NOT_OWN_MESSAGE */
    public static Optional<Revoke> convert(Message stanza, ToWhatsAppContext ctx) throws ConversionException {
        Optional<Retract> retract;
        try {
            retract = Retract.from(stanza);
        } catch (MalformedElementException e) {
            throw new ConversionException(ConversionException.Reason.MALFORMED, e.getMessage(), e);
        }
        if (retract.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Revoke(ctx.ownMessage(retract.get().id(), "retraction")));
    }
}
