/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0203;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.wabridge.openfire.xep.MalformedElementException;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/** {@code <delay xmlns='urn:xmpp:delay' from='…' stamp='…'/>} (XEP-0203 §3); stamps are written to the millisecond. */
public record Delay(Instant stamp, Optional<JID> from) {

    public static final String NAMESPACE = "urn:xmpp:delay";
    public static final String ELEMENT = "delay";

    public Delay {
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(from, "from");
        stamp = stamp.truncatedTo(ChronoUnit.MILLIS);
    }

    /** @throws MalformedElementException if the stamp is missing or not an XEP-0082 DateTime */
    public static Optional<Delay> from(Message message) throws MalformedElementException {
        Element e = Elements.child(message, ELEMENT, NAMESPACE);
        if (e == null) {
            return Optional.empty();
        }
        String stamp = Elements.requiredAttribute(e, "stamp");
        String from = e.attributeValue("from");
        try {
            // XEP-0082 DateTime: ISO 8601 with a mandatory offset (Z or ±hh:mm)
            Instant when = OffsetDateTime.parse(stamp).toInstant();
            return Optional.of(new Delay(when, from == null || from.isEmpty() ? Optional.empty() : Optional.of(new JID(from))));
        } catch (DateTimeParseException bad) {
            throw new MalformedElementException(NAMESPACE, "stamp is not an XEP-0082 DateTime");
        } catch (IllegalArgumentException bad) {
            throw new MalformedElementException(NAMESPACE, "'from' is not a valid JID");
        }
    }

    public Element toElement() {
        Element e = Elements.create(ELEMENT, NAMESPACE);
        from.ifPresent(jid -> e.addAttribute("from", jid.toString()));
        e.addAttribute("stamp", stamp.toString());
        return e;
    }
}
