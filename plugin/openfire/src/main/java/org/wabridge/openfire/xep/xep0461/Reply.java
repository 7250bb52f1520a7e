/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0461;

import java.util.Objects;
import java.util.Optional;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.wabridge.openfire.xep.MalformedElementException;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/** {@code <reply xmlns='urn:xmpp:reply:0' to='author' id='…'/>} (XEP-0461 §2); {@code to} is optional. */
public record Reply(Optional<JID> to, String id) {

    public static final String NAMESPACE = "urn:xmpp:reply:0";
    public static final String ELEMENT = "reply";

    public Reply {
        Objects.requireNonNull(to, "to");
        Elements.checkId(id, "replied-to message id");
    }

    /** @throws MalformedElementException if the id is missing or {@code to} is not a JID */
    public static Optional<Reply> from(Message message) throws MalformedElementException {
        Element e = Elements.child(message, ELEMENT, NAMESPACE);
        if (e == null) {
            return Optional.empty();
        }
        String id = Elements.requiredAttribute(e, "id");
        String to = e.attributeValue("to");
        try {
            return Optional.of(new Reply(to == null || to.isEmpty() ? Optional.empty() : Optional.of(new JID(to)), id));
        } catch (IllegalArgumentException bad) {
            throw new MalformedElementException(NAMESPACE, "'to' is not a valid JID");
        }
    }

    public Element toElement() {
        Element e = Elements.create(ELEMENT, NAMESPACE);
        to.ifPresent(jid -> e.addAttribute("to", jid.toString()));
        e.addAttribute("id", id);
        return e;
    }
}
