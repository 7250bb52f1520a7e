/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.List;
import org.wabridge.core.binary.Node;
import org.wabridge.core.stanza.StanzaException;

/**
 * {@code <iq xmlns="passive" type="set"><active/></iq>} after login (whatsapp-protocol.md §5.1), or
 * {@code <passive/>} to stop receiving; answered by an empty result.
 */
public enum PassiveIq implements IqSpec<EmptyResult> {
    ACTIVE("active"),
    PASSIVE("passive");

    public static final String NAMESPACE = "passive";
    private final String childTag;

    PassiveIq(String childTag) {
        this.childTag = childTag;
    }

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public String type() {
        return "set";
    }

    @Override
    public List<Node> requestContent() {
        return List.of(Node.of(childTag));
    }

    @Override
    public EmptyResult parseResultContent(Node resultIq) {
        return EmptyResult.INSTANCE;
    }

    @Override
    public List<Node> resultContent(EmptyResult result) {
        return List.of();
    }

    public static PassiveIq fromRequest(Node iq) throws StanzaException {
        Iqs.checkRequest(iq, NAMESPACE, "set");
        for (PassiveIq mode : values()) {
            if (iq.child(mode.childTag) != null) {
                return mode;
            }
        }
        throw new StanzaException(IqSpec.TAG, "passive IQ needs <active/> or <passive/>");
    }
}
