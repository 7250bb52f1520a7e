/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Objects;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/** A notification kind the bridge does not act on; kept whole so it can still be acked and logged at debug. */
public record OtherNotification(String id, WaJid from, String type, Node node) implements Notification {

    public OtherNotification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(node, "node");
    }

    @Override
    public Node toNode() {
        return node;
    }

    public static OtherNotification fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        return new OtherNotification(Nodes.string(node, "id"), Nodes.jid(node, "from"), Nodes.string(node, "type"),
                node);
    }
}
