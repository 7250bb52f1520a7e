/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.List;
import org.wabridge.core.binary.Node;
import org.wabridge.core.stanza.Nodes;
import org.wabridge.core.stanza.StanzaException;

/** The {@code <usync>} envelope shared by device and contact queries (whatsapp-protocol.md §5.2). */
final class Usync {
    private Usync() {
    }

    static Node.Builder header(String sid, String context) {
        return Node.builder("usync").attr("sid", sid).attr("mode", "query").attr("last", "true").attr("index", "0")
                .attr("context", context);
    }

    static List<Node> resultUsers(Node resultIq) throws StanzaException {
        Node usync = Nodes.requireChild(resultIq, "usync");
        return Nodes.requireChild(usync, "list").children("user");
    }

    static List<Node> resultContent(String sid, List<Node> users) {
        return List.of(Node.builder("usync").attr("sid", sid)
                .child(Node.builder("list").children(users).build()).build());
    }
}
