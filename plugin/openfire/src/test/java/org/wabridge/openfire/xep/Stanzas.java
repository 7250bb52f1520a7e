/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.xmpp.packet.Message;

/** Builds {@link Message}s from literal XML in tests. */
public final class Stanzas {

    private Stanzas() {
    }

    /** @return the message written in {@code xml}, default namespace jabber:client */
    public static Message message(String xml) {
        try {
            return new Message(DocumentHelper.parseText(xml).getRootElement());
        } catch (DocumentException e) {
            throw new IllegalArgumentException("test XML does not parse: " + xml, e);
        }
    }
}
