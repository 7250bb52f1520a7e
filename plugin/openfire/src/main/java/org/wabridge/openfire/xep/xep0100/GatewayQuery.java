/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0100;

import java.util.Optional;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.xmpp.packet.JID;

/** {@code <query xmlns='jabber:iq:gateway'>}: desc + prompt on get, prompt in a set, jid in the answer. */
public final class GatewayQuery {

    public static final String NAMESPACE = "jabber:iq:gateway";
    public static final String ELEMENT = "query";

    private GatewayQuery() {
    }

    /** @return the answer to a get: {@code <desc/>} and {@code <prompt/>} (XEP-0100 §6.3.1) */
    public static Element prompt(String description, String prompt) {
        Element query = Elements.create(ELEMENT, NAMESPACE);
        query.addElement("desc").setText(description);
        query.addElement("prompt").setText(prompt);
        return query;
    }

    /** @return the legacy address the user typed into a set, if any */
    public static Optional<String> submittedPrompt(Element query) {
        String text = query.elementText("prompt");
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    /** @return the answer to a set: the contact's {@code <jid/>} (XEP-0100 §6.3.2) */
    public static Element jid(JID contact) {
        Element query = Elements.create(ELEMENT, NAMESPACE);
        query.addElement("jid").setText(contact.toBareJID());
        return query;
    }
}
