/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/**
 * The server's {@code <ack class id [from] [t] [phash] [error] [server_id]/>} for a stanza the client sent
 * (whatsapp-protocol.md §5.5). A present, non-zero {@code error} means the stanza was rejected.
 */
public record ServerAck(String ackClass, String id, Optional<WaJid> from, OptionalLong t, Optional<String> phash,
        OptionalInt error, Optional<String> serverId) {
    public static final String TAG = "ack";

    public ServerAck {
        Objects.requireNonNull(ackClass, "ackClass");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(phash, "phash");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(serverId, "serverId");
    }

    /** A successful message ack from the server with its timestamp. */
    public static ServerAck messageAccepted(String id, long t) {
        return new ServerAck("message", id, Optional.of(WaJid.SERVER), OptionalLong.of(t), Optional.empty(),
                OptionalInt.empty(), Optional.empty());
    }

    /** A message rejected with {@code error}. */
    public static ServerAck messageRejected(String id, long t, AckError error) {
        return new ServerAck("message", id, Optional.of(WaJid.SERVER), OptionalLong.of(t), Optional.empty(),
                OptionalInt.of(error.code()), Optional.empty());
    }

    public ServerAck withPhash(String participantHash) {
        return new ServerAck(ackClass, id, from, t, Optional.of(participantHash), error, serverId);
    }

    public ServerAck withServerId(String value) {
        return new ServerAck(ackClass, id, from, t, phash, error, Optional.of(value));
    }

    public boolean isError() {
        return error.isPresent() && error.getAsInt() != 0;
    }

    /** The classified error, empty when there is none or it is not a known code. */
    public Optional<AckError> knownError() {
        return isError() ? AckError.fromCode(error.getAsInt()) : Optional.empty();
    }

    public Node toNode() {
        Node.Builder b = Node.builder(TAG).attr("class", ackClass).attr("id", id);
        from.ifPresent(v -> b.attr("from", v));
        t.ifPresent(v -> b.attr("t", v));
        phash.ifPresent(v -> b.attr("phash", v));
        error.ifPresent(v -> b.attr("error", v));
        serverId.ifPresent(v -> b.attr("server_id", v));
        return b.build();
    }

    public static ServerAck fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        return new ServerAck(Nodes.string(node, "class"), Nodes.string(node, "id"), Nodes.optJid(node, "from"),
                Nodes.optLong(node, "t"), Nodes.optString(node, "phash"), Nodes.optInt(node, "error"),
                Nodes.optString(node, "server_id"));
    }
}
