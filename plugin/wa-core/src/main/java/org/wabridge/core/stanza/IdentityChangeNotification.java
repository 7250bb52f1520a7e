/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Objects;
import java.util.OptionalLong;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/**
 * {@code <notification from=<user> type="encrypt"><identity/></notification>}: the user's identity key changed,
 * so the client drops that user's sessions (whatsapp-protocol.md §5.10).
 */
public record IdentityChangeNotification(String id, WaJid from, OptionalLong t) implements Notification {

    public IdentityChangeNotification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(t, "t");
    }

    @Override
    public Node toNode() {
        return Notification.header(id, from, "encrypt", t).child(Node.of("identity")).build();
    }

    public static IdentityChangeNotification fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        Nodes.requireChild(node, "identity");
        return new IdentityChangeNotification(Nodes.string(node, "id"), Nodes.jid(node, "from"),
                Nodes.optLong(node, "t"));
    }
}
