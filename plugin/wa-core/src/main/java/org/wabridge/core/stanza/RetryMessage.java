/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/**
 * The re-send after a retry receipt, for one device only (whatsapp-protocol.md §5.8):
 * {@code <message id to type [t] device_fanout="false" [participant] [recipient] [edit]><enc v type count>…</enc>
 * [<device-identity>]</message>}. {@code to} is the device that asked.
 */
public record RetryMessage(String id, WaJid to, String type, OptionalLong t, Optional<WaJid> participant,
        Optional<WaJid> recipient, Optional<String> edit, Enc enc, Optional<byte[]> deviceIdentity) {
    public static final String TAG = "message";

    public RetryMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(edit, "edit");
        Objects.requireNonNull(enc, "enc");
        if (enc.count().isEmpty()) {
            throw new IllegalArgumentException("a retry <enc> carries the retry count");
        }
        deviceIdentity = DeviceIdentity.copy(deviceIdentity);
    }

    /** True when {@code message} is the retry form (device_fanout="false") rather than {@link OutgoingMessage}. */
    public static boolean matches(Node message) {
        return message.tag().equals(TAG) && "false".equals(message.attrs().optString("device_fanout", null));
    }

    @Override
    public Optional<byte[]> deviceIdentity() {
        return DeviceIdentity.copy(deviceIdentity);
    }

    public Node toNode() {
        Node.Builder b = Node.builder(TAG).attr("id", id).attr("to", to).attr("type", type);
        t.ifPresent(v -> b.attr("t", v));
        b.attr("device_fanout", "false");
        participant.ifPresent(v -> b.attr("participant", v));
        recipient.ifPresent(v -> b.attr("recipient", v));
        edit.ifPresent(v -> b.attr("edit", v));
        b.child(enc.toNode());
        DeviceIdentity.write(b, deviceIdentity);
        return b.build();
    }

    public static RetryMessage fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        if (!matches(node)) {
            throw new StanzaException(TAG, "retry re-send needs device_fanout=\"false\"");
        }
        Enc enc = Enc.fromNode(Nodes.requireChild(node, Enc.TAG));
        if (enc.count().isEmpty()) {
            throw new StanzaException(Enc.TAG, "retry re-send <enc> lacks 'count'");
        }
        return new RetryMessage(Nodes.string(node, "id"), Nodes.jid(node, "to"), Nodes.string(node, "type"),
                Nodes.optLong(node, "t"), Nodes.optJid(node, "participant"), Nodes.optJid(node, "recipient"),
                Nodes.optString(node, "edit"), enc, DeviceIdentity.read(node));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryMessage m && id.equals(m.id) && to.equals(m.to) && type.equals(m.type)
                && t.equals(m.t) && participant.equals(m.participant) && recipient.equals(m.recipient)
                && edit.equals(m.edit) && enc.equals(m.enc) && DeviceIdentity.equal(deviceIdentity, m.deviceIdentity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, to, type, t, enc);
    }
}
