/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0359;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.wabridge.openfire.xep.MalformedElementException;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/** {@code <stanza-id xmlns='urn:xmpp:sid:0' id='…' by='…'/>} (XEP-0359 §3); a message may carry several. */
public record StanzaId(String id, JID by) {

    public static final String NAMESPACE = OriginId.NAMESPACE;
    public static final String ELEMENT = "stanza-id";

    public StanzaId {
        Elements.checkId(id, "stanza id");
        Objects.requireNonNull(by, "by");
    }

    /** @throws MalformedElementException if one lacks id or by, or by is not a JID */
    public static List<StanzaId> allFrom(Message message) throws MalformedElementException {
        List<StanzaId> ids = new ArrayList<>();
        for (Element e : message.getElement().elements()) {
            if (ELEMENT.equals(e.getName()) && NAMESPACE.equals(e.getNamespaceURI())) {
                String id = Elements.requiredAttribute(e, "id");
                String by = Elements.requiredAttribute(e, "by");
                try {
                    ids.add(new StanzaId(id, new JID(by)));
                } catch (IllegalArgumentException bad) {
                    throw new MalformedElementException(NAMESPACE, "'by' is not a valid JID");
                }
            }
        }
        return ids;
    }

    public Element toElement() {
        Element e = Elements.create(ELEMENT, NAMESPACE);
        e.addAttribute("id", id);
        e.addAttribute("by", by.toString());
        return e;
    }
}
