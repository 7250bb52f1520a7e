/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/**
 * The client's {@code <ack class id to [participant] [recipient] [type] [from] [error]/>} for an incoming
 * {@code <message>}, {@code <receipt>}, {@code <notification>} or call (whatsapp-protocol.md §5.5).
 * {@code class} is the incoming tag, {@code to} its {@code from}; {@code error} turns it into a nack.
 * The server accepts acks with and without {@code type} and {@code from}.
 */
public record ClientAck(String ackClass, String id, WaJid to, Optional<WaJid> participant, Optional<WaJid> recipient,
        Optional<String> type, Optional<WaJid> from, OptionalInt error) {
    public static final String TAG = "ack";

    public ClientAck {
        Objects.requireNonNull(ackClass, "ackClass");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(error, "error");
    }

    /** The ack for an incoming stanza, copying class, id, from→to, participant, recipient and type. */
    public static ClientAck forIncoming(Node incoming) throws StanzaException {
        return new ClientAck(incoming.tag(), Nodes.string(incoming, "id"), Nodes.jid(incoming, "from"),
                Nodes.optJid(incoming, "participant"), Nodes.optJid(incoming, "recipient"),
                Nodes.optString(incoming, "type"), Optional.empty(), OptionalInt.empty());
    }

    /** A nack for an incoming stanza that could not be processed. */
    public static ClientAck nackFor(Node incoming, AckError error) throws StanzaException {
        return forIncoming(incoming).withError(error.code());
    }

    public ClientAck withError(int code) {
        return new ClientAck(ackClass, id, to, participant, recipient, type, from, OptionalInt.of(code));
    }

    /** Adds {@code from=<own JID>}, as WhatsApp Web does on message-class acks. */
    public ClientAck withFrom(WaJid own) {
        return new ClientAck(ackClass, id, to, participant, recipient, type, Optional.of(own), error);
    }

    public boolean isNack() {
        return error.isPresent() && error.getAsInt() != 0;
    }

    public Node toNode() {
        Node.Builder b = Node.builder(TAG).attr("class", ackClass).attr("id", id).attr("to", to);
        participant.ifPresent(v -> b.attr("participant", v));
        recipient.ifPresent(v -> b.attr("recipient", v));
        type.ifPresent(v -> b.attr("type", v));
        from.ifPresent(v -> b.attr("from", v));
        error.ifPresent(v -> b.attr("error", v));
        return b.build();
    }

    public static ClientAck fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        return new ClientAck(Nodes.string(node, "class"), Nodes.string(node, "id"), Nodes.jid(node, "to"),
                Nodes.optJid(node, "participant"), Nodes.optJid(node, "recipient"), Nodes.optString(node, "type"),
                Nodes.optJid(node, "from"), Nodes.optInt(node, "error"));
    }
}
