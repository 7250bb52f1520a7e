/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0424;

import java.util.Optional;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.wabridge.openfire.xep.MalformedElementException;
import org.xmpp.packet.Message;

/** {@code <retract xmlns='urn:xmpp:message-retract:1' id='…'/>} (XEP-0424 §4). */
public record Retract(String id) {

    public static final String NAMESPACE = "urn:xmpp:message-retract:1";
    public static final String ELEMENT = "retract";

    public Retract {
        Elements.checkId(id, "retracted message id");
    }

    /** @throws MalformedElementException if the element lacks the id */
    public static Optional<Retract> from(Message message) throws MalformedElementException {
        Element e = Elements.child(message, ELEMENT, NAMESPACE);
        return e == null ? Optional.empty() : Optional.of(new Retract(Elements.requiredAttribute(e, "id")));
    }

    public Element toElement() {
        Element e = Elements.create(ELEMENT, NAMESPACE);
        e.addAttribute("id", id);
        return e;
    }
}
