/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0184;

import java.util.Optional;

import org.dom4j.Element;
import org.wabridge.openfire.xep.Elements;
import org.wabridge.openfire.xep.MalformedElementException;
import org.xmpp.packet.Message;

/** {@code <received xmlns='urn:xmpp:receipts' id='…'/>}: the message with that id arrived (XEP-0184 §4). */
public record ReceiptReceived(String id) {

    public static final String NAMESPACE = ReceiptRequest.NAMESPACE;
    public static final String ELEMENT = "received";

    public ReceiptReceived {
        Elements.checkId(id, "receipt id");
    }

    /**
     * @return the receipt in the message, if any
     * @throws MalformedElementException if the element lacks its id
     */
    public static Optional<ReceiptReceived> from(Message message) throws MalformedElementException {
        Element e = Elements.child(message, ELEMENT, NAMESPACE);
        return e == null ? Optional.empty() : Optional.of(new ReceiptReceived(Elements.requiredAttribute(e, "id")));
    }

    public Element toElement() {
        Element e = Elements.create(ELEMENT, NAMESPACE);
        e.addAttribute("id", id);
        return e;
    }
}
