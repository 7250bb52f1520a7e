/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import org.wabridge.core.binary.Node;

/** The server's answer to a login: {@code <success>} or {@code <failure>} (whatsapp-protocol.md §5.12). */
public sealed interface ConnectOutcome permits ConnectSuccess, ConnectFailure {

    Node toNode();

    /** Parses the first node after the handshake; any other tag is an error. */
    static ConnectOutcome fromNode(Node node) throws StanzaException {
        if (node != null && node.tag().equals(ConnectSuccess.TAG)) {
            return ConnectSuccess.fromNode(node);
        }
        if (node != null && node.tag().equals(ConnectFailure.TAG)) {
            return ConnectFailure.fromNode(node);
        }
        throw new StanzaException(node == null ? "null" : node.tag(), "expected <success> or <failure>");
    }
}
