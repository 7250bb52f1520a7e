/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Objects;
import java.util.OptionalLong;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/**
 * {@code <notification from="s.whatsapp.net" type="encrypt"><count value="N"/></notification>}: the server's
 * one-time prekeys for this device are running low (whatsapp-protocol.md §5.3).
 */
public record PreKeyCountNotification(String id, WaJid from, OptionalLong t, int count) implements Notification {

    public PreKeyCountNotification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(t, "t");
        if (count < 0) {
            throw new IllegalArgumentException("negative prekey count " + count);
        }
    }

    public static PreKeyCountNotification of(String id, long t, int count) {
        return new PreKeyCountNotification(id, WaJid.SERVER, OptionalLong.of(t), count);
    }

    @Override
    public Node toNode() {
        return Notification.header(id, from, "encrypt", t)
                .child(Node.builder("count").attr("value", count).build()).build();
    }

    public static PreKeyCountNotification fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        int count = Nodes.intAttr(Nodes.requireChild(node, "count"), "value");
        if (count < 0) {
            throw new StanzaException("count", "negative prekey count " + count);
        }
        return new PreKeyCountNotification(Nodes.string(node, "id"), Nodes.jid(node, "from"),
                Nodes.optLong(node, "t"), count);
    }
}
