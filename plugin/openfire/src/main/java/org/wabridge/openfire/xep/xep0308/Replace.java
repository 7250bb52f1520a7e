/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0308;

import java.util.Optional;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.wabridge.openfire.xep.MalformedElementException;
import org.xmpp.packet.Message;

/** {@code <replace xmlns='urn:xmpp:message-correct:0' id='…'/>}: this message corrects message {@code id}. */
public record Replace(String id) {

    public static final String NAMESPACE = "urn:xmpp:message-correct:0";
    public static final String ELEMENT = "replace";

    public Replace {
        Elements.checkId(id, "corrected message id");
    }

    /** @throws MalformedElementException if the element lacks the id */
    public static Optional<Replace> from(Message message) throws MalformedElementException {
        Element e = Elements.child(message, ELEMENT, NAMESPACE);
        return e == null ? Optional.empty() : Optional.of(new Replace(Elements.requiredAttribute(e, "id")));
    }

    public Element toElement() {
        Element e = Elements.create(ELEMENT, NAMESPACE);
        e.addAttribute("id", id);
        return e;
    }
}
