/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/**
 * A {@code <notification id from type [t]>} (whatsapp-protocol.md §5.10). Every notification must be acked
 * ({@link ClientAck#forIncoming}); kinds the bridge does not act on parse to {@link OtherNotification}.
 */
public sealed interface Notification
        permits PreKeyCountNotification, IdentityChangeNotification, DevicesNotification, OtherNotification {
    String TAG = "notification";

    String id();

    WaJid from();

    Node toNode();

    static Notification fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        String type = Nodes.string(node, "type");
        if (type.equals("encrypt") && node.child("count") != null) {
            return PreKeyCountNotification.fromNode(node);
        }
        if (type.equals("encrypt") && node.child("identity") != null) {
            return IdentityChangeNotification.fromNode(node);
        }
        if (type.equals("devices")) {
            return DevicesNotification.fromNode(node);
        }
        return OtherNotification.fromNode(node);
    }

    /** The common {@code <notification id from type [t]>} builder. */
    static Node.Builder header(String id, WaJid from, String type, java.util.OptionalLong t) {
        Node.Builder b = Node.builder(TAG).attr("id", id).attr("from", from).attr("type", type);
        t.ifPresent(v -> b.attr("t", v));
        return b;
    }
}
