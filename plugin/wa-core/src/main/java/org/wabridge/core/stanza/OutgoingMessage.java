/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/**
 * A message the client sends for fan-out (whatsapp-protocol.md §5.4):
 * {@code <message id type to [edit]><participants><to jid><enc …/></to>…</participants>[<device-identity>]}.
 * The server parses it with {@link #fromNode}, checks the devices and delivers each {@code <enc>} as an
 * {@link IncomingMessage}.
 */
public record OutgoingMessage(String id, String type, WaJid to, Optional<String> edit, List<DeviceEnc> participants,
        Optional<byte[]> deviceIdentity) {
    public static final String TAG = "message";

    /** One recipient device and its ciphertext. */
    public record DeviceEnc(WaJid device, Enc enc) {
        public DeviceEnc {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(enc, "enc");
        }
    }

    public OutgoingMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(edit, "edit");
        participants = List.copyOf(participants);
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one participant device");
        }
        deviceIdentity = DeviceIdentity.copy(deviceIdentity);
    }

    @Override
    public Optional<byte[]> deviceIdentity() {
        return DeviceIdentity.copy(deviceIdentity);
    }

    public Node toNode() {
        Node.Builder b = Node.builder(TAG).attr("id", id).attr("type", type).attr("to", to);
        edit.ifPresent(e -> b.attr("edit", e));
        List<Node> tos = new ArrayList<>();
        for (DeviceEnc p : participants) {
            tos.add(Node.builder("to").attr("jid", p.device()).child(p.enc().toNode()).build());
        }
        b.child(Node.builder("participants").children(tos).build());
        DeviceIdentity.write(b, deviceIdentity);
        return b.build();
    }

    public static OutgoingMessage fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        Node list = Nodes.requireChild(node, "participants");
        List<DeviceEnc> devices = new ArrayList<>();
        for (Node to : list.children("to")) {
            devices.add(new DeviceEnc(Nodes.jid(to, "jid"), Enc.fromNode(Nodes.requireChild(to, Enc.TAG))));
        }
        if (devices.isEmpty()) {
            throw new StanzaException("participants", "no <to> device");
        }
        return new OutgoingMessage(Nodes.string(node, "id"), Nodes.string(node, "type"), Nodes.jid(node, "to"),
                Nodes.optString(node, "edit"), devices, DeviceIdentity.read(node));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutgoingMessage m && id.equals(m.id) && type.equals(m.type) && to.equals(m.to)
                && edit.equals(m.edit) && participants.equals(m.participants)
                && DeviceIdentity.equal(deviceIdentity, m.deviceIdentity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, to, edit, participants);
    }
}
