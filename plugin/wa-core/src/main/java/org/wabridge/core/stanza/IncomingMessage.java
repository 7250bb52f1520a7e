/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/**
 * A message as the server delivers it to one device (whatsapp-protocol.md §5.6, §9.2):
 * {@code <message id from t type [notify] [participant] [recipient] [edit] [offline]><enc …/>…
 * [<device-identity>]</message>} ({@code notify} is
 * {@link #pushName()}). The server builds it per device from an {@link OutgoingMessage}; the client parses it. {@code offline} is set when the stanza came from the offline queue.
 */
public record IncomingMessage(String id, WaJid from, long t, String type, Optional<String> pushName,
        Optional<WaJid> participant, Optional<WaJid> recipient, Optional<String> edit, boolean offline,
        List<Enc> encs, Optional<byte[]> deviceIdentity) {
    public static final String TAG = "message";

    public IncomingMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pushName, "pushName");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(edit, "edit");
        encs = List.copyOf(encs);
        deviceIdentity = DeviceIdentity.copy(deviceIdentity);
    }

    @Override
    public Optional<byte[]> deviceIdentity() {
        return DeviceIdentity.copy(deviceIdentity);
    }

    /** The same message marked as delivered from the offline queue. */
    public IncomingMessage asOffline() {
        return new IncomingMessage(id, from, t, type, pushName, participant, recipient, edit, true, encs,
                deviceIdentity);
    }

    public Node toNode() {
        Node.Builder b = Node.builder(TAG).attr("id", id).attr("from", from).attr("t", t).attr("type", type);
        pushName.ifPresent(v -> b.attr("notify", v));
        participant.ifPresent(v -> b.attr("participant", v));
        recipient.ifPresent(v -> b.attr("recipient", v));
        edit.ifPresent(v -> b.attr("edit", v));
        if (offline) {
            b.attr("offline", "1");
        }
        for (Enc enc : encs) {
            b.child(enc.toNode());
        }
        DeviceIdentity.write(b, deviceIdentity);
        return b.build();
    }

    public static IncomingMessage fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        List<Enc> encs = new ArrayList<>();
        for (Node enc : node.children(Enc.TAG)) {
            encs.add(Enc.fromNode(enc));
        }
        // WhatsApp marks offline-queue stanzas with a non-empty offline attribute (value not meaningful).
        boolean offline = !Nodes.optString(node, "offline").orElse("").isEmpty();
        return new IncomingMessage(Nodes.string(node, "id"), Nodes.jid(node, "from"), Nodes.longAttr(node, "t"),
                Nodes.string(node, "type"), Nodes.optString(node, "notify"), Nodes.optJid(node, "participant"),
                Nodes.optJid(node, "recipient"), Nodes.optString(node, "edit"), offline, encs,
                DeviceIdentity.read(node));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IncomingMessage m && id.equals(m.id) && from.equals(m.from) && t == m.t
                && type.equals(m.type) && pushName.equals(m.pushName) && participant.equals(m.participant)
                && recipient.equals(m.recipient) && edit.equals(m.edit) && offline == m.offline
                && encs.equals(m.encs) && DeviceIdentity.equal(deviceIdentity, m.deviceIdentity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, from, t, type, encs);
    }
}
