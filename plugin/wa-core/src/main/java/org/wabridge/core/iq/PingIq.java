/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.List;
import org.wabridge.core.binary.Node;
import org.wabridge.core.stanza.StanzaException;

/**
 * Keepalive (whatsapp-protocol.md §2.8): {@code <iq xmlns="w:p" type="get" to="s.whatsapp.net"/>}, answered by
 * an empty result. Baileys adds a {@code <ping/>} child; the server accepts both.
 */
public enum PingIq implements IqSpec<EmptyResult> {
    INSTANCE;

    public static final String NAMESPACE = "w:p";

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
        return List.of();
    }

    @Override
    public EmptyResult parseResultContent(Node resultIq) {
        return EmptyResult.INSTANCE;
    }

    @Override
    public List<Node> resultContent(EmptyResult result) {
        return List.of();
    }

    public static PingIq fromRequest(Node iq) throws StanzaException {
        Iqs.checkRequest(iq, NAMESPACE, "get");
        return INSTANCE;
    }
}
