/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.Nodes;
import org.wabridge.core.stanza.StanzaException;

/** Shared IQ envelope helpers: request checks on the server side, result and error nodes. */
public final class Iqs {
    private Iqs() {
    }

    /** {@code <iq type="result" id from="s.whatsapp.net">} builder. */
    public static Node.Builder result(String id) {
        return Node.builder(IqSpec.TAG).attr("id", id).attr("type", "result").attr("from", WaJid.SERVER);
    }

    /** {@code <iq type="error" id from="s.whatsapp.net"><error code text/></iq>}. */
    public static Node error(String id, IqError error) {
        return Node.builder(IqSpec.TAG).attr("id", id).attr("type", "error").attr("from", WaJid.SERVER)
                .child(error.toNode()).build();
    }

    /** The request id, for the server's answer. */
    public static String id(Node iq) throws StanzaException {
        Nodes.requireTag(iq, IqSpec.TAG);
        return Nodes.string(iq, "id");
    }

    /** Checks tag, id, xmlns and type of a request (server side). */
    public static void checkRequest(Node iq, String namespace, String type) throws StanzaException {
        id(iq);
        String xmlns = Nodes.string(iq, "xmlns");
        if (!xmlns.equals(namespace)) {
            throw new StanzaException(IqSpec.TAG, "expected xmlns '" + namespace + "', got '" + xmlns + "'");
        }
        String actual = Nodes.string(iq, "type");
        if (!actual.equals(type)) {
            throw new StanzaException(IqSpec.TAG, "expected type '" + type + "', got '" + actual + "'");
        }
    }
}
