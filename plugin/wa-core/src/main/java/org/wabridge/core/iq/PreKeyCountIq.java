/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.List;
import org.wabridge.core.binary.Node;
import org.wabridge.core.stanza.Nodes;
import org.wabridge.core.stanza.StanzaException;

/**
 * How many one-time prekeys the server still holds (whatsapp-protocol.md §5.1, §5.3):
 * {@code <iq xmlns="encrypt" type="get"><count/></iq>} → {@code <count value="N"/>}.
 */
public enum PreKeyCountIq implements IqSpec<Integer> {
    INSTANCE;

    public static final String NAMESPACE = "encrypt";

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
        return List.of(Node.of("count"));
    }

    @Override
    public Integer parseResultContent(Node resultIq) throws StanzaException {
        int value = Nodes.intAttr(Nodes.requireChild(resultIq, "count"), "value");
        if (value < 0) {
            throw new StanzaException("count", "negative prekey count " + value);
        }
        return value;
    }

    @Override
    public List<Node> resultContent(Integer count) {
        return List.of(Node.builder("count").attr("value", count).build());
    }

    /** True when an {@code encrypt} get IQ is this request (the namespace is shared with bundle fetches). */
    public static boolean matches(Node iq) {
        return NAMESPACE.equals(iq.attrs().optString("xmlns", null)) && iq.child("count") != null;
    }

    public static PreKeyCountIq fromRequest(Node iq) throws StanzaException {
        Iqs.checkRequest(iq, NAMESPACE, "get");
        Nodes.requireChild(iq, "count");
        return INSTANCE;
    }
}
