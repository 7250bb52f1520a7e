/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.Message;

/** Small dom4j helpers shared by the element classes. */
public final class Elements {

    private Elements() {
    }

    /** @return a new detached element in the namespace */
    public static Element create(String name, String namespace) {
        return DocumentHelper.createElement(QName.get(name, namespace));
    }

    /** @return the first child of the message with this name and namespace, or null */
    public static Element child(Message message, String name, String namespace) {
        return message.getChildElement(name, namespace);
    }

    /**
     * @return the attribute's value, never empty
     * @throws MalformedElementException if it is missing or empty
     */
    public static String requiredAttribute(Element element, String attribute) throws MalformedElementException {
        String value = element.attributeValue(attribute);
        if (value == null || value.isEmpty()) {
            throw new MalformedElementException(element.getNamespaceURI(),
                    "<" + element.getName() + "/> lacks the '" + attribute + "' attribute");
        }
        return value;
    }

    /** Adds a copy-free detached element to the message. */
    public static void addTo(Message message, Element element) {
        message.getElement().add(element);
    }

    /** @throws IllegalArgumentException if an id to be written is null or empty */
    public static String checkId(String id, String what) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return id;
    }
}
