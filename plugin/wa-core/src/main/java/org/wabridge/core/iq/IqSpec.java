/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.List;
import org.wabridge.core.binary.Node;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.stanza.Nodes;
import org.wabridge.core.stanza.StanzaException;

/**
 * One IQ exchange, pure: the client side builds the request ({@link #toRequest}) and parses the answer
 * ({@link #parseResponse}); the server side builds the answer ({@link #toResult}). Each implementation also
 * has a static {@code fromRequest(Node)} so the emulator parses requests with the same class.
 *
 * <p>Requests go {@code to="s.whatsapp.net"}; results come {@code from="s.whatsapp.net"} with the same id.
 */
public interface IqSpec<R> {
    String TAG = "iq";

    /** The {@code xmlns} attribute, e.g. {@code w:p}, {@code encrypt}, {@code usync}. */
    String namespace();

    /** {@code get} or {@code set}. */
    String type();

    /** The request's child nodes (may be empty). */
    List<Node> requestContent();

    /** Parses the content of a {@code type="result"} IQ. */
    R parseResultContent(Node resultIq) throws StanzaException;

    /** The content of the result IQ for {@code result} (server side). */
    List<Node> resultContent(R result);

    default Node toRequest(String id) {
        return Node.builder(TAG).attr("id", id).attr("xmlns", namespace()).attr("type", type())
                .attr("to", WaJid.SERVER).children(requestContent()).build();
    }

    /** Parses a result, or throws {@link IqErrorException} for a {@code type="error"} answer. */
    default R parseResponse(Node response) throws StanzaException {
        Nodes.requireTag(response, TAG);
        String type = Nodes.string(response, "type");
        if (type.equals("error")) {
            Node error = response.child(IqError.TAG);
            IqError parsed = error == null ? new IqError(0, "") : IqError.fromNode(error);
            throw new IqErrorException(namespace(), parsed.code(), parsed.text());
        }
        if (!type.equals("result")) {
            throw new StanzaException(TAG, "expected type result or error, got '" + type + "'");
        }
        return parseResultContent(response);
    }

    /** The server's result IQ for request {@code id}. */
    default Node toResult(String id, R result) {
        return Iqs.result(id).children(resultContent(result)).build();
    }
}
