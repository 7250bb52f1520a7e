/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0115;

import java.util.Objects;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;

/**
 * The {@code <c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='…' ver='…'/>} element of XEP-0115 §4.
 *
 * @param node the URI that identifies the software; clients ask {@code node#ver} when the ver is new to them
 * @param ver  the verification string from {@link CapsVersion}
 */
public record CapsElement(String node, String ver) {
    public static final String NAMESPACE = "http://jabber.org/protocol/caps";
    public static final String HASH = "sha-1";

    public CapsElement {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(ver, "ver");
    }

    /** The {@code node#ver} value a client puts on its disco#info query to check the hash. */
    public String queryNode() {
        return node + "#" + ver;
    }

    public Element toElement() {
        Element c = DocumentHelper.createElement(QName.get("c", NAMESPACE));
        c.addAttribute("hash", HASH);
        c.addAttribute("node", node);
        c.addAttribute("ver", ver);
        return c;
    }
}
