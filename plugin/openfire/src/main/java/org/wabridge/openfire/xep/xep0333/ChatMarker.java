/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0333;

import java.util.Objects;
import java.util.Optional;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.wabridge.openfire.xep.MalformedElementException;
import org.xmpp.packet.Message;

/** A marker ({@code received}, {@code displayed} or {@code acknowledged}) naming a message by id. */
public record ChatMarker(Type type, String id) {

    public static final String NAMESPACE = "urn:xmpp:chat-markers:0";

    /** The marker kinds; the element name is the lower-case name. */
    public enum Type {
        RECEIVED("received"), DISPLAYED("displayed"), ACKNOWLEDGED("acknowledged");

        private final String element;

        Type(String element) {
            this.element = element;
        }

        /** @return the element name */
        public String element() {
            return element;
        }
    }

    public ChatMarker {
        Objects.requireNonNull(type, "type");
        Elements.checkId(id, "marker id");
    }

    /**
     * @return the first marker in the message, if any
     * @throws MalformedElementException if a marker lacks its id
     */
    public static Optional<ChatMarker> from(Message message) throws MalformedElementException {
        for (Type type : Type.values()) {
            Element e = Elements.child(message, type.element(), NAMESPACE);
            if (e != null) {
                return Optional.of(new ChatMarker(type, Elements.requiredAttribute(e, "id")));
            }
        }
        return Optional.empty();
    }

    public Element toElement() {
        Element e = Elements.create(type.element(), NAMESPACE);
        e.addAttribute("id", id);
        return e;
    }
}
