/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/**
 * {@code <notification from=<user> type="devices"><add|remove|update device_hash><device jid/>…</…>}
 * (whatsapp-protocol.md §5.10): the user's device list changed; {@code device_hash} is the participant hash of
 * the new list.
 */
public record DevicesNotification(String id, WaJid from, OptionalLong t, Action action, Optional<String> deviceHash,
        List<WaJid> devices) implements Notification {

    public enum Action {
        ADD("add"), REMOVE("remove"), UPDATE("update");

        private final String tag;

        Action(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    public DevicesNotification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(deviceHash, "deviceHash");
        devices = List.copyOf(devices);
    }

    @Override
    public Node toNode() {
        Node.Builder change = Node.builder(action.tag());
        deviceHash.ifPresent(h -> change.attr("device_hash", h));
        for (WaJid device : devices) {
            change.child(Node.builder("device").attr("jid", device).build());
        }
        return Notification.header(id, from, "devices", t).child(change.build()).build();
    }

    public static DevicesNotification fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        for (Action action : Action.values()) {
            Node change = node.child(action.tag());
            if (change == null) {
                continue;
            }
            List<WaJid> devices = new ArrayList<>();
            for (Node device : change.children("device")) {
                devices.add(Nodes.jid(device, "jid"));
            }
            return new DevicesNotification(Nodes.string(node, "id"), Nodes.jid(node, "from"),
                    Nodes.optLong(node, "t"), action, Nodes.optString(change, "device_hash"), devices);
        }
        throw new StanzaException(TAG, "devices notification needs <add>, <remove> or <update>");
    }
}
