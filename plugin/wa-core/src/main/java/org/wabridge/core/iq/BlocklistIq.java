/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.Nodes;
import org.wabridge.core.stanza.StanzaException;

/**
 * The account's block list, namespace {@code blocklist}. Reading: {@code <iq xmlns="blocklist" type="get"/>}
 * answered with {@code <list><item jid="…" t="…"/>…</list>} (some servers put the items directly in the result).
 * Changing: {@code <iq xmlns="blocklist" type="set"><item action="block|unblock" jid="…"/></iq>} answered with
 * an empty result. A blocked user's messages, presence and typing no longer reach the account.
 *
 * <p>Provenance: the shapes as the open-source clients whatsmeow ({@code blocklist.go}) and whatsapp-rust
 * ({@code iq/blocklist.rs}) send and parse them. Newer consumer servers also want the contact's LID with a
 * {@code pn_jid}; interop accounts address contacts by phone number, so only {@code jid} is sent (an assumption
 * to check against WhatsApp's interop documentation).
 */
public final class BlocklistIq {

    public static final String NAMESPACE = "blocklist";

    private BlocklistIq() {
    }

    /** What a change does. */
    public enum Action {
        BLOCK("block"), UNBLOCK("unblock");

        private final String wire;

        Action(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        static Action fromWire(String value) throws StanzaException {
            for (Action a : values()) {
                if (a.wire.equals(value)) {
                    return a;
                }
            }
            throw new StanzaException("item", "unknown block-list action '" + value + "'");
        }
    }

    /** One blocked user, with when it was blocked if the server says. */
    public record Entry(WaJid jid, Optional<Long> blockedAt) {
        public Entry {
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(blockedAt, "blockedAt");
        }

        Node toNode() {
            Node.Builder b = Node.builder("item").attr("jid", jid);
            blockedAt.ifPresent(t -> b.attr("t", t));
            return b.build();
        }

        static Entry fromNode(Node item) throws StanzaException {
            Optional<String> t = Nodes.optString(item, "t");
            try {
                return new Entry(Nodes.jid(item, "jid"), t.map(Long::parseLong));
            } catch (NumberFormatException e) {
                throw new StanzaException("item", "block-list time is not a number: " + t.orElse(""));
            }
        }
    }

    /** Reads the whole list. */
    public enum Fetch implements IqSpec<List<Entry>> {
        INSTANCE;

        @Override
        public String namespace() {
            return NAMESPACE;
        }

        @Override
        public String type() {
            return "get";
        }

        @Override
        public List<Node> requestContent() {
            return List.of();
        }

        @Override
        public List<Entry> parseResultContent(Node resultIq) throws StanzaException {
            Node list = resultIq.child("list");
            List<Entry> out = new ArrayList<>();
            for (Node item : (list != null ? list : resultIq).children("item")) {
                out.add(Entry.fromNode(item));
            }
            return List.copyOf(out);
        }

        @Override
        public List<Node> resultContent(List<Entry> entries) {
            Node.Builder list = Node.builder("list");
            for (Entry e : entries) {
                list.child(e.toNode());
            }
            return List.of(list.build());
        }

        public static Fetch fromRequest(Node iq) throws StanzaException {
            Iqs.checkRequest(iq, NAMESPACE, "get");
            return INSTANCE;
        }
    }

    /** Blocks or unblocks one user. */
    public record Update(Action action, WaJid jid) implements IqSpec<EmptyResult> {
        public Update {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(jid, "jid");
        }

        @Override
        public String namespace() {
            return NAMESPACE;
        }

        @Override
        public String type() {
            return "set";
        }

        @Override
        public List<Node> requestContent() {
            return List.of(Node.builder("item").attr("action", action.wire()).attr("jid", jid).build());
        }

        @Override
        public EmptyResult parseResultContent(Node resultIq) {
            return EmptyResult.INSTANCE;
        }

        @Override
        public List<Node> resultContent(EmptyResult result) {
            return List.of();
        }

        public static Update fromRequest(Node iq) throws StanzaException {
            Iqs.checkRequest(iq, NAMESPACE, "set");
            Node item = Nodes.requireChild(iq, "item");
            return new Update(Action.fromWire(Nodes.string(item, "action")), Nodes.jid(item, "jid"));
        }
    }
}
