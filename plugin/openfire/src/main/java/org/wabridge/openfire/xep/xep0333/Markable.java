/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0333;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.xmpp.packet.Message;

/** {@code <markable xmlns='urn:xmpp:chat-markers:0'/>}: the sender accepts markers for this message. */
public final class Markable {

    public static final String NAMESPACE = ChatMarker.NAMESPACE;
    public static final String ELEMENT = "markable";

    public static final Markable INSTANCE = new Markable();

    private Markable() {
    }

    /** @return true if the message is markable */
    public static boolean isIn(Message message) {
        return Elements.child(message, ELEMENT, NAMESPACE) != null;
    }

    public Element toElement() {
        return Elements.create(ELEMENT, NAMESPACE);
    }
}
