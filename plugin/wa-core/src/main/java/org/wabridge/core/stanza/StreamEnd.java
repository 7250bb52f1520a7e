/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import org.wabridge.core.binary.Node;

/** {@code <xmlstreamend/>}: the peer closed the stream. A singleton. */
public enum StreamEnd implements StreamTermination {
    INSTANCE;

    @Override
    public Node toNode() {
        return Node.STREAM_END;
    }

    public static StreamEnd fromNode(Node node) throws StanzaException {
        if (node == null || !node.isStreamEnd()) {
            throw new StanzaException(node == null ? "null" : node.tag(), "expected a bare <xmlstreamend/>");
        }
        return INSTANCE;
    }
}
