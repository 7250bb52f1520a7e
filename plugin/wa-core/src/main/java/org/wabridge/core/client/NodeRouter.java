/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.binary.Node;

/**
 * Dispatches inbound nodes by tag to their handlers; the whole table is given at construction, so every
 * inbound tag the engine understands is visible in one place. Unknown tags are logged at DEBUG and dropped
 * (the server adds tags over time; none of them may break a session). A handler that throws is logged and the
 * session continues: one bad stanza must not cost the user the connection.
 */
public final class NodeRouter {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRouter.class);

    private final Map<String, NodeHandler> handlers;

    public NodeRouter(Map<String, NodeHandler> handlers) {
        this.handlers = Map.copyOf(Objects.requireNonNull(handlers, "handlers"));
    }

    /** Routes one node; returns false if no handler knew its tag. */
    public boolean route(Node node) {
        NodeHandler handler = handlers.get(node.tag());
        if (handler == null) {
            LOG.debug("no handler for <{}>; dropped", node.tag());
            return false;
        }
        try {
            handler.handle(node);
        } catch (Exception e) {
            LOG.warn("handler for <{}> failed: {}", node.tag(), e.toString());
        }
        return true;
    }
}
