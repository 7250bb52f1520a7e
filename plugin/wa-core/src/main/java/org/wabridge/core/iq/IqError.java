/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.Objects;
import org.wabridge.core.binary.Node;
import org.wabridge.core.stanza.Nodes;
import org.wabridge.core.stanza.StanzaException;

/** An {@code <error code text/>} element: of a whole IQ, or per user inside a result. */
public record IqError(int code, String text) {
    public static final String TAG = "error";
    /** Codes the emulator answers with (whatsapp-protocol.md §9.2; whatsmeow errors.go). */
    public static final IqError BAD_REQUEST = new IqError(400, "bad-request");
    public static final IqError NOT_FOUND = new IqError(404, "item-not-found");
    public static final IqError RATE_LIMITED = new IqError(429, "rate-overlimit");
    public static final IqError UNAVAILABLE = new IqError(503, "service-unavailable");

    public IqError {
        Objects.requireNonNull(text, "text");
    }

    public Node toNode() {
        return Node.builder(TAG).attr("code", code).attr("text", text).build();
    }

    public static IqError fromNode(Node node) throws StanzaException {
        Nodes.requireTag(node, TAG);
        return new IqError(Nodes.intAttr(node, "code"), Nodes.optString(node, "text").orElse(""));
    }
}
