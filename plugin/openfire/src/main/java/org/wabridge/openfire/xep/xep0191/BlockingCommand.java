/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0191;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * A parsed XEP-0191 block or unblock request (§3.3, §3.4, §3.5). Pure: an IQ in, a value out.
 *
 * @param block true for {@code <block/>}, false for {@code <unblock/>}
 * @param items the JIDs named; empty for "unblock everything" (§3.5)
 */
public record BlockingCommand(boolean block, List<JID> items) {
    public static final String NAMESPACE = "urn:xmpp:blocking";

    public BlockingCommand {
        items = List.copyOf(items);
    }

    /** @return the command if {@code iq} is an IQ-set carrying {@code <block/>} or {@code <unblock/>}, else empty */
    public static Optional<BlockingCommand> of(IQ iq) {
        Element child = iq.getChildElement();
        if (iq.getType() != IQ.Type.set || child == null || !NAMESPACE.equals(child.getNamespaceURI())) {
            return Optional.empty();
        }
        boolean block = "block".equals(child.getName());
        if (!block && !"unblock".equals(child.getName())) {
            return Optional.empty();
        }
        List<JID> items = new ArrayList<>();
        for (Element item : child.elements("item")) {
            String jid = item.attributeValue("jid");
            try {
                items.add(new JID(Objects.requireNonNull(jid, "item without jid")));
            } catch (IllegalArgumentException | NullPointerException malformed) {
                // the server refuses the whole request; mirroring the rest (an unblock of nothing left would
                // unblock everything) would make the gateway's list differ from the user's
                return Optional.empty();
            }
        }
        if (block && items.isEmpty()) {
            return Optional.empty(); // §3.3: block without items is bad-request
        }
        return Optional.of(new BlockingCommand(block, items));
    }

    /** @return true if this unblocks every blocked contact */
    public boolean unblocksAll() {
        return !block && items.isEmpty();
    }

    /** The items that are WhatsApp contacts of the gateway at {@code gatewayDomain}, as E.164 numbers. */
    public List<String> gatewayNumbers(String gatewayDomain) {
        Objects.requireNonNull(gatewayDomain, "gatewayDomain");
        List<String> numbers = new ArrayList<>();
        for (JID jid : items) {
            String node = jid.getNode();
            if (gatewayDomain.equals(jid.getDomain()) && node != null && node.matches("\\+[1-9][0-9]{6,14}")) {
                numbers.add(node);
            }
        }
        return numbers;
    }
}
