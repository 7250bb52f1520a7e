/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.ChatState;

/**
 * {@code <chatstate to|from [participant]><composing [media="audio"]/> | <paused/></chatstate>}
 * (whatsapp-protocol.md §5.9). Sent with {@code to}, relayed with {@code from}.
 */
public record ChatStateStanza(Optional<WaJid> to, Optional<WaJid> from, Optional<WaJid> participant,
        ChatState.State state, boolean audio) {
    public static final String TAG = "chatstate";

    public ChatStateStanza {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(state, "state");
        if (to.isEmpty() && from.isEmpty()) {
            throw new IllegalArgumentException("a chat state needs to or from");
        }
        if (audio && state != ChatState.State.COMPOSING) {
            throw new IllegalArgumentException("only composing can be audio");
        }
    }

    public static ChatStateStanza outgoing(WaJid to, ChatState.State state, boolean audio) {
        return new ChatStateStanza(Optional.of(to), Optional.empty(), Optional.empty(), state, audio);
    }

    /** The copy the server relays to the peer. */
    public ChatStateStanza relayedFrom(WaJid sender) {
        return new ChatStateStanza(Optional.empty(), Optional.of(sender), participant, state, audio);
    }

    /** The message-model value for the gateway (chat = sender, or the recipient when this is outgoing). */
    public ChatState toChatState() {
        WaJid chat = from.orElseGet(to::get);
        return new ChatState(chat.toString(), participant.map(WaJid::toString), state, audio);
    }

    public Node toNode() {
        Node.Builder b = Node.builder(TAG);
        to.ifPresent(v -> b.attr("to", v));
        from.ifPresent(v -> b.attr("from", v));
        participant.ifPresent(v -> b.attr("participant", v));
        Node.Builder child = Node.builder(state == ChatState.State.COMPOSING ? "composing" : "paused");
        if (audio) {
            child.attr("media", "audio");
        }
        return b.child(child.build()).build();
    }

    public static ChatStateStanza fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        Optional<WaJid> to = Nodes.optJid(node, "to");
        Optional<WaJid> from = Nodes.optJid(node, "from");
        if (to.isEmpty() && from.isEmpty()) {
            throw new StanzaException(TAG, "needs a 'to' or 'from' attribute");
        }
        if (node.children().isEmpty()) {
            throw new StanzaException(TAG, "missing <composing/> or <paused/>");
        }
        Node child = node.children().get(0);
        ChatState.State state;
        switch (child.tag()) {
            case "composing": state = ChatState.State.COMPOSING; break;
            case "paused": state = ChatState.State.PAUSED; break;
            default: throw new StanzaException(child.tag(), "unknown chat state");
        }
        boolean audio = Nodes.optString(child, "media").map("audio"::equals).orElse(false);
        return new ChatStateStanza(to, from, Nodes.optJid(node, "participant"), state,
                audio && state == ChatState.State.COMPOSING);
    }
}
