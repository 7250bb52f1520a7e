/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.wabridge.core.binary.Node;
import org.wabridge.core.iq.KeyBundle;
import org.wabridge.core.iq.KeyNodes;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.Receipt;

/**
 * {@code <receipt id [to|from] [type] [participant] [recipient] [t] [category]>[<list><item id/>…</list>]
 * [<retry/><registration/>[<keys/>]]</receipt>} (whatsapp-protocol.md §5.7, §5.8). The client sends it with
 * {@code to}; the server relays it with {@code from}. Further message ids beyond {@code id} go in the list.
 */
public record ReceiptStanza(String id, Optional<WaJid> to, Optional<WaJid> from, Optional<String> type,
        Optional<WaJid> participant, Optional<WaJid> recipient, OptionalLong t, Optional<String> category,
        List<String> moreIds, Optional<RetryRequest> retry) {
    public static final String TAG = "receipt";

    public ReceiptStanza {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(category, "category");
        moreIds = List.copyOf(moreIds);
        Objects.requireNonNull(retry, "retry");
        if (to.isEmpty() && from.isEmpty()) {
            throw new IllegalArgumentException("a receipt needs to or from");
        }
        if (retry.isPresent() != "retry".equals(type.orElse(null))) {
            throw new IllegalArgumentException("retry body and type=\"retry\" go together");
        }
    }

    /** An outgoing receipt of {@code kind} for message(s) {@code ids} (first id in the attribute). */
    public static ReceiptStanza outgoing(ReceiptType kind, List<String> ids, WaJid to, Optional<WaJid> participant,
            OptionalLong t) {
        if (kind == ReceiptType.OTHER || kind == ReceiptType.RETRY) {
            throw new IllegalArgumentException("use retry() for retry receipts; OTHER has no wire name");
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a receipt names at least one message");
        }
        return new ReceiptStanza(ids.get(0), Optional.of(to), Optional.empty(), kind.wireName(), participant,
                Optional.empty(), t, Optional.empty(), ids.subList(1, ids.size()), Optional.empty());
    }

    /** A delivery receipt (no type) for one message. */
    public static ReceiptStanza delivery(String id, WaJid to, Optional<WaJid> participant) {
        return outgoing(ReceiptType.DELIVERY, List.of(id), to, participant, OptionalLong.empty());
    }

    /** A retry receipt asking {@code to} to re-send message {@code id}. */
    public static ReceiptStanza retry(String id, WaJid to, Optional<WaJid> participant, RetryRequest request) {
        return retry(id, to, participant, Optional.empty(), request);
    }

    /**
     * @param to        the {@code from} of the undecryptable message: the sending device, so the server can tell
     *                  which of the sender's devices must encrypt again (§5.8)
     * @param recipient the message's {@code recipient}, for copies our own devices sent to a chat
     */
    public static ReceiptStanza retry(String id, WaJid to, Optional<WaJid> participant, Optional<WaJid> recipient,
                                      RetryRequest request) {
        return new ReceiptStanza(id, Optional.of(to), Optional.empty(), Optional.of("retry"), participant,
                recipient, OptionalLong.empty(), Optional.empty(), List.of(), Optional.of(request));
    }

    /** The copy the server relays to the original sender: {@code from} set, {@code to} dropped. */
    public ReceiptStanza relayedFrom(WaJid sender, long serverTime) {
        return new ReceiptStanza(id, Optional.empty(), Optional.of(sender), type, participant, recipient,
                t.isPresent() ? t : OptionalLong.of(serverTime), category, moreIds, retry);
    }

    public ReceiptType kind() {
        return ReceiptType.fromWire(type);
    }

    /** {@code id} followed by the list items. */
    public List<String> allIds() {
        List<String> ids = new ArrayList<>();
        ids.add(id);
        ids.addAll(moreIds);
        return ids;
    }

    /**
     * The message-model receipt for the gateway: delivery/inactive → DELIVERED, read(-self) → READ,
     * played(-self) → PLAYED; empty for retry, sender, peer and other types, which are protocol-internal.
     * The chat is {@code from} (or {@code to} for an outgoing receipt); {@code t} falls back to {@code received}.
     */
    public Optional<Receipt> toReceipt(Instant received) {
        Receipt.Type mapped;
        switch (kind()) {
            case DELIVERY: case INACTIVE: mapped = Receipt.Type.DELIVERED; break;
            case READ: case READ_SELF: mapped = Receipt.Type.READ; break;
            case PLAYED: case PLAYED_SELF: mapped = Receipt.Type.PLAYED; break;
            default: return Optional.empty();
        }
        WaJid chat = from.orElseGet(to::get);
        Instant when = t.isPresent() ? Instant.ofEpochSecond(t.getAsLong()) : received;
        return Optional.of(new Receipt(mapped, chat.toString(), participant.map(WaJid::toString), allIds(), when));
    }

    public Node toNode() {
        Node.Builder b = Node.builder(TAG).attr("id", id);
        to.ifPresent(v -> b.attr("to", v));
        from.ifPresent(v -> b.attr("from", v));
        type.ifPresent(v -> b.attr("type", v));
        participant.ifPresent(v -> b.attr("participant", v));
        recipient.ifPresent(v -> b.attr("recipient", v));
        t.ifPresent(v -> b.attr("t", v));
        category.ifPresent(v -> b.attr("category", v));
        if (!moreIds.isEmpty()) {
            Node.Builder list = Node.builder("list");
            for (String more : moreIds) {
                list.child(Node.builder("item").attr("id", more).build());
            }
            b.child(list.build());
        }
        retry.ifPresent(r -> {
            b.child(Node.builder("retry").attr("count", r.count()).attr("id", r.messageId()).attr("t", r.t())
                    .attr("v", r.v()).build());
            b.child(KeyNodes.registration(r.registrationId()));
            r.keys().ifPresent(k -> b.child(k.keysNode()));
        });
        return b.build();
    }

    public static ReceiptStanza fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        Optional<WaJid> to = Nodes.optJid(node, "to");
        Optional<WaJid> from = Nodes.optJid(node, "from");
        if (to.isEmpty() && from.isEmpty()) {
            throw new StanzaException(TAG, "needs a 'to' or 'from' attribute");
        }
        Optional<String> type = Nodes.optString(node, "type");
        List<String> more = new ArrayList<>();
        Node list = node.child("list");
        if (list != null) {
            for (Node item : list.children("item")) {
                more.add(Nodes.string(item, "id"));
            }
        }
        Optional<RetryRequest> retry = Optional.empty();
        if (type.isPresent() && type.get().equals("retry")) {
            retry = Optional.of(parseRetry(node));
        }
        return new ReceiptStanza(Nodes.string(node, "id"), to, from, type, Nodes.optJid(node, "participant"),
                Nodes.optJid(node, "recipient"), Nodes.optLong(node, "t"), Nodes.optString(node, "category"), more,
                retry);
    }

    private static RetryRequest parseRetry(Node node) throws StanzaException {
        Node retry = Nodes.requireChild(node, "retry");
        int count = Nodes.intAttr(retry, "count");
        if (count < 1) {
            throw new StanzaException("retry", "count must be at least 1, got " + count);
        }
        int registration = KeyNodes.parseRegistration(Nodes.requireChild(node, "registration"));
        Optional<KeyBundle> keys = node.child("keys") == null ? Optional.empty() : Optional.of(KeyBundle.fromNode(node));
        return new RetryRequest(count, Nodes.string(retry, "id"), Nodes.longAttr(retry, "t"),
                Nodes.intAttr(retry, "v"), registration, keys);
    }
}
