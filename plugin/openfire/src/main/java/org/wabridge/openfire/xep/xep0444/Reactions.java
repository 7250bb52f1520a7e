/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0444;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.wabridge.openfire.xep.MalformedElementException;
import org.xmpp.packet.Message;

/** {@code <reactions xmlns='urn:xmpp:reactions:0' id='…'><reaction>👍</reaction></reactions>} (XEP-0444 §3). */
public record Reactions(String id, List<String> emojis) {

    public static final String NAMESPACE = "urn:xmpp:reactions:0";
    public static final String ELEMENT = "reactions";
    public static final String REACTION = "reaction";

    public Reactions {
        Elements.checkId(id, "reacted-to message id");
        emojis = List.copyOf(emojis);
    }

    /**
     * Parses the element; empty and duplicate {@code <reaction/>} children are ignored (XEP-0444 §3: the set
     * of reactions).
     *
     * @throws MalformedElementException if the element lacks the id
     */
    public static Optional<Reactions> from(Message message) throws MalformedElementException {
        Element e = Elements.child(message, ELEMENT, NAMESPACE);
        if (e == null) {
            return Optional.empty();
        }
        String id = Elements.requiredAttribute(e, "id");
        List<String> emojis = new ArrayList<>();
        for (Element r : e.elements()) {
            String text = r.getTextTrim();
            if (REACTION.equals(r.getName()) && NAMESPACE.equals(r.getNamespaceURI()) && !text.isEmpty()
                    && !emojis.contains(text)) {
                emojis.add(text);
            }
        }
        return Optional.of(new Reactions(id, emojis));
    }

    public Element toElement() {
        Element e = Elements.create(ELEMENT, NAMESPACE);
        e.addAttribute("id", id);
        for (String emoji : emojis) {
            e.addElement(REACTION).setText(emoji);
        }
        return e;
    }
}
