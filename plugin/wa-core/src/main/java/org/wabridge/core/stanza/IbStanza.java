/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Arrays;
import java.util.Objects;
import org.wabridge.core.binary.Node;

/**
 * Info-broadcast {@code <ib>} stanzas (whatsapp-protocol.md §5.1, §5.11): the offline-queue markers, the
 * client's batch request and edge routing info. Other {@code <ib>} children parse to {@link Other}.
 */
public sealed interface IbStanza {
    String TAG = "ib";

    Node toNode();

    /** {@code <ib><offline_preview count message notification receipt appdata/></ib>}: what is queued. */
    record OfflinePreview(int count, int message, int notification, int receipt, int appdata) implements IbStanza {
        @Override
        public Node toNode() {
            return wrap(Node.builder("offline_preview").attr("count", count).attr("message", message)
                    .attr("notification", notification).attr("receipt", receipt).attr("appdata", appdata).build());
        }
    }

    /** {@code <ib><offline count/></ib>}: the end of the offline queue; {@code count} stanzas were sent. */
    record OfflineComplete(int count) implements IbStanza {
        @Override
        public Node toNode() {
            return wrap(Node.builder("offline").attr("count", count).build());
        }
    }

    /** {@code <ib><offline_batch count/></ib>}: the client asks for the next {@code count} queued stanzas. */
    record OfflineBatch(int count) implements IbStanza {
        @Override
        public Node toNode() {
            return wrap(Node.builder("offline_batch").attr("count", count).build());
        }
    }

    /** {@code <ib><edge_routing><routing_info>bytes</routing_info></edge_routing></ib>}: opaque routing hint. */
    record EdgeRouting(byte[] routingInfo) implements IbStanza {
        public EdgeRouting {
            routingInfo = Objects.requireNonNull(routingInfo, "routingInfo").clone();
        }

        @Override
        public byte[] routingInfo() {
            return routingInfo.clone();
        }

        @Override
        public Node toNode() {
            return wrap(Node.builder("edge_routing").child(Nodes.bytesNode("routing_info", routingInfo)).build());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EdgeRouting e && Arrays.equals(routingInfo, e.routingInfo);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(routingInfo);
        }
    }

    /** Any other {@code <ib>} content, kept whole. */
    record Other(Node node) implements IbStanza {
        public Other {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public Node toNode() {
            return node;
        }
    }

    private static Node wrap(Node child) {
        return Node.builder(TAG).child(child).build();
    }

    static IbStanza fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        if (node.children().isEmpty()) {
            throw new StanzaException(TAG, "empty <ib>");
        }
        Node child = node.children().get(0);
        switch (child.tag()) {
            case "offline_preview":
                return new OfflinePreview(count(child, "count"), count(child, "message"),
                        count(child, "notification"), count(child, "receipt"), count(child, "appdata"));
            case "offline":
                return new OfflineComplete(count(child, "count"));
            case "offline_batch":
                return new OfflineBatch(count(child, "count"));
            case "edge_routing":
                return new EdgeRouting(Nodes.bytes(Nodes.requireChild(child, "routing_info")));
            default:
                return new Other(node);
        }
    }

    /** Counts default to 0 when absent (servers omit empty categories) but must be non-negative numbers. */
    private static int count(Node node, String key) throws StanzaException {
        int value = Nodes.optInt(node, key).orElse(0);
        if (value < 0) {
            throw new StanzaException(node.tag(), "negative " + key);
        }
        return value;
    }
}
