/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0184;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.xmpp.packet.Message;

/** {@code <request xmlns='urn:xmpp:receipts'/>}: the sender wants a delivery receipt (XEP-0184 §4). */
public final class ReceiptRequest {

    public static final String NAMESPACE = "urn:xmpp:receipts";
    public static final String ELEMENT = "request";

    public static final ReceiptRequest INSTANCE = new ReceiptRequest();

    private ReceiptRequest() {
    }

    /** @return true if the message asks for a receipt */
    public static boolean isIn(Message message) {
        return Elements.child(message, ELEMENT, NAMESPACE) != null;
    }

    public Element toElement() {
        return Elements.create(ELEMENT, NAMESPACE);
    }
}
