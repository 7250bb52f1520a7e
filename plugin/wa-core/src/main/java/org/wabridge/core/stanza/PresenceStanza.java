/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/**
 * {@code <presence [type] [name] [to] [from] [last]/>} (whatsapp-protocol.md §5.9): own availability with the
 * push name, a subscription to a contact, or a contact's update ({@code last} = unix seconds or "deny").
 * An update without {@code type} means available.
 */
public record PresenceStanza(Optional<Type> type, Optional<String> name, Optional<WaJid> to, Optional<WaJid> from,
        Optional<String> last) {
    public static final String TAG = "presence";

    public enum Type {
        AVAILABLE("available"), UNAVAILABLE("unavailable"), SUBSCRIBE("subscribe"), UNSUBSCRIBE("unsubscribe");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public PresenceStanza {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(last, "last");
    }

    /** Own presence with the push name. */
    public static PresenceStanza own(boolean available, String pushName) {
        return new PresenceStanza(Optional.of(available ? Type.AVAILABLE : Type.UNAVAILABLE), Optional.of(pushName),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static PresenceStanza subscribe(WaJid contact) {
        return new PresenceStanza(Optional.of(Type.SUBSCRIBE), Optional.empty(), Optional.of(contact),
                Optional.empty(), Optional.empty());
    }

    /** A contact's update as the server relays it. */
    public static PresenceStanza update(WaJid contact, boolean available, OptionalLong lastSeen) {
        return new PresenceStanza(available ? Optional.empty() : Optional.of(Type.UNAVAILABLE), Optional.empty(),
                Optional.empty(), Optional.of(contact), lastSeen.isPresent()
                        ? Optional.of(Long.toString(lastSeen.getAsLong())) : Optional.empty());
    }

    public boolean isAvailable() {
        return type.isEmpty() || type.get() == Type.AVAILABLE;
    }

    /** Last seen in unix seconds, when given as a number. */
    public OptionalLong lastSeen() {
        if (last.isEmpty() || !last.get().matches("\\d{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(last.get()));
    }

    /** True when the contact hides last seen ({@code last="deny"}). */
    public boolean lastSeenDenied() {
        return last.isPresent() && last.get().equals("deny");
    }

    public Node toNode() {
        Node.Builder b = Node.builder(TAG);
        type.ifPresent(v -> b.attr("type", v.wireName()));
        name.ifPresent(v -> b.attr("name", v));
        to.ifPresent(v -> b.attr("to", v));
        from.ifPresent(v -> b.attr("from", v));
        last.ifPresent(v -> b.attr("last", v));
        return b.build();
    }

    public static PresenceStanza fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        Optional<Type> type = Optional.empty();
        Optional<String> raw = Nodes.optString(node, "type");
        if (raw.isPresent()) {
            type = Optional.of(parseType(raw.get()));
        }
        Optional<String> last = Nodes.optString(node, "last");
        if (last.isPresent() && !last.get().equals("deny") && !last.get().matches("\\d{1,18}")) {
            throw new StanzaException(TAG, "last must be unix seconds or \"deny\", got '" + last.get() + "'");
        }
        return new PresenceStanza(type, Nodes.optString(node, "name"), Nodes.optJid(node, "to"),
                Nodes.optJid(node, "from"), last);
    }

    private static Type parseType(String raw) throws StanzaException {
        for (Type t : Type.values()) {
            if (t.wireName.equals(raw)) {
                return t;
            }
        }
        throw new StanzaException(TAG, "unknown presence type '" + raw + "'");
    }
}
