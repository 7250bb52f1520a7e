/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;

/**
 * {@code <success t lid …/>}: logged in. {@code t} is the server time in unix seconds; attributes other than
 * {@code t} and {@code lid} are kept as text in {@link #otherAttributes()} so nothing is lost.
 */
public record ConnectSuccess(long t, Optional<WaJid> lid, Map<String, String> otherAttributes)
        implements ConnectOutcome {
    public static final String TAG = "success";

    public ConnectSuccess {
        Objects.requireNonNull(lid, "lid");
        otherAttributes = Map.copyOf(otherAttributes);
    }

    public static ConnectSuccess of(long t, WaJid lid) {
        return new ConnectSuccess(t, Optional.of(lid), Map.of());
    }

    @Override
    public Node toNode() {
        Node.Builder b = Node.builder(TAG).attr("t", t);
        lid.ifPresent(jid -> b.attr("lid", jid));
        new java.util.TreeMap<>(otherAttributes).forEach(b::attr);
        return b.build();
    }

    public static ConnectSuccess fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        long t = Nodes.longAttr(node, "t");
        Optional<WaJid> lid = Nodes.optJid(node, "lid");
        Map<String, String> other = new LinkedHashMap<>();
        node.attributes().forEach((k, v) -> {
            if (!k.equals("t") && !k.equals("lid")) {
                other.put(k, v.toString());
            }
        });
        return new ConnectSuccess(t, lid, other);
    }
}
