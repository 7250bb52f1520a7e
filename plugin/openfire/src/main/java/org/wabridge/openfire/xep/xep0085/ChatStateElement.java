/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0085;

import java.util.Optional;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.xmpp.packet.Message;

/** One chat state child of a message, e.g. {@code <composing xmlns='http://jabber.org/protocol/chatstates'/>}. */
public enum ChatStateElement {
    ACTIVE, COMPOSING, PAUSED, INACTIVE, GONE;

    public static final String NAMESPACE = "http://jabber.org/protocol/chatstates";

    /** @return the element name (XEP-0085 §5) */
    public String element() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the chat state the message carries, if any (the first one when a client sends several) */
    public static Optional<ChatStateElement> from(Message message) {
        for (ChatStateElement state : values()) {
            if (Elements.child(message, state.element(), NAMESPACE) != null) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    public Element toElement() {
        return Elements.create(element(), NAMESPACE);
    }
}
