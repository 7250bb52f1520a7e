/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import org.wabridge.core.binary.Node;

/** The server ending the stream: {@code <stream:error>} or {@code <xmlstreamend/>} (whatsapp-protocol.md §5.12). */
public sealed interface StreamTermination permits StreamError, StreamEnd {

    Node toNode();

    /** True when {@code node} is a stream error or stream end (use before {@link #fromNode}). */
    static boolean matches(Node node) {
        return node.tag().equals(StreamError.TAG) || node.isStreamEnd();
    }

    static StreamTermination fromNode(Node node) throws StanzaException {
        if (node != null && node.isStreamEnd()) {
            return StreamEnd.INSTANCE;
        }
        return StreamError.fromNode(node);
    }
}
