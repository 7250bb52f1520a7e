/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0359;

import java.util.Optional;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.wabridge.openfire.xep.MalformedElementException;
import org.xmpp.packet.Message;

/** {@code <origin-id xmlns='urn:xmpp:sid:0' id='…'/>} (XEP-0359 §4). */
public record OriginId(String id) {

    public static final String NAMESPACE = "urn:xmpp:sid:0";
    public static final String ELEMENT = "origin-id";

    public OriginId {
        Elements.checkId(id, "origin id");
    }

    /** @throws MalformedElementException if the element lacks the id */
    public static Optional<OriginId> from(Message message) throws MalformedElementException {
        Element e = Elements.child(message, ELEMENT, NAMESPACE);
        return e == null ? Optional.empty() : Optional.of(new OriginId(Elements.requiredAttribute(e, "id")));
    }

    public Element toElement() {
        Element e = Elements.create(ELEMENT, NAMESPACE);
        e.addAttribute("id", id);
        return e;
    }
}
