/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.List;
import java.util.Objects;
import org.wabridge.core.binary.Node;
import org.wabridge.core.signal.SignedPreKey;
import org.wabridge.core.stanza.Nodes;
import org.wabridge.core.stanza.StanzaException;

/**
 * Signed-prekey rotation (whatsapp-protocol.md §5.3, Baileys form):
 * {@code <iq xmlns="encrypt" type="set"><rotate><skey>…</skey></rotate></iq>}, answered by an empty result.
 */
public record SignedPreKeyRotateIq(SignedPreKey signedPreKey) implements IqSpec<EmptyResult> {
    public static final String NAMESPACE = "encrypt";

    public SignedPreKeyRotateIq {
        Objects.requireNonNull(signedPreKey, "signedPreKey");
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
        return List.of(Node.builder("rotate").child(KeyNodes.signedPreKey(signedPreKey)).build());
    }

    @Override
    public EmptyResult parseResultContent(Node resultIq) {
        return EmptyResult.INSTANCE;
    }

    @Override
    public List<Node> resultContent(EmptyResult result) {
        return List.of();
    }

    public static boolean matches(Node iq) {
        return NAMESPACE.equals(iq.attrs().optString("xmlns", null)) && iq.child("rotate") != null;
    }

    public static SignedPreKeyRotateIq fromRequest(Node iq) throws StanzaException {
        Iqs.checkRequest(iq, NAMESPACE, "set");
        Node rotate = Nodes.requireChild(iq, "rotate");
        return new SignedPreKeyRotateIq(KeyNodes.parseSignedPreKey(Nodes.requireChild(rotate, "skey")));
    }
}
