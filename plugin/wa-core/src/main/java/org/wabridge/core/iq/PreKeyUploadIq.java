/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.wabridge.core.binary.Node;
import org.wabridge.core.signal.LocalIdentity;
import org.wabridge.core.signal.OneTimePreKey;
import org.wabridge.core.signal.SignedPreKey;
import org.wabridge.core.stanza.Nodes;
import org.wabridge.core.stanza.StanzaException;

/**
 * Upload of identity, signed prekey and one-time prekeys (whatsapp-protocol.md §5.3):
 * {@code <iq xmlns="encrypt" type="set"><registration/><type/><identity/><list><key>…</key>…</list><skey/></iq>},
 * answered by an empty result.
 */
public record PreKeyUploadIq(int registrationId, byte[] identityKey, List<OneTimePreKey> preKeys,
        SignedPreKey signedPreKey) implements IqSpec<EmptyResult> {
    public static final String NAMESPACE = "encrypt";

    public PreKeyUploadIq {
        identityKey = Objects.requireNonNull(identityKey, "identityKey").clone();
        if (identityKey.length != KeyNodes.KEY_LENGTH) {
            throw new IllegalArgumentException("identity key must be 32 bytes, got " + identityKey.length);
        }
        preKeys = List.copyOf(preKeys);
        Objects.requireNonNull(signedPreKey, "signedPreKey");
    }

    /** The upload for this account's identity (the Signal port's {@link LocalIdentity}). */
    public static PreKeyUploadIq of(LocalIdentity identity, List<OneTimePreKey> preKeys, SignedPreKey signedPreKey) {
        return new PreKeyUploadIq(identity.registrationId(), identity.identityKey(), preKeys, signedPreKey);
    }

    /** The uploaded identity as the Signal port's value. */
    public LocalIdentity localIdentity() {
        return new LocalIdentity(identityKey, registrationId);
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
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
        List<Node> keys = new ArrayList<>();
        for (OneTimePreKey key : preKeys) {
            keys.add(KeyNodes.preKey(key));
        }
        return List.of(KeyNodes.registration(registrationId), KeyNodes.type(), KeyNodes.identity(identityKey),
                Node.builder("list").children(keys).build(), KeyNodes.signedPreKey(signedPreKey));
    }

    @Override
    public EmptyResult parseResultContent(Node resultIq) {
        return EmptyResult.INSTANCE;
    }

    @Override
    public List<Node> resultContent(EmptyResult result) {
        return List.of();
    }

    /** True when an {@code encrypt} set IQ is an upload (it carries {@code <registration>}). */
    public static boolean matches(Node iq) {
        return NAMESPACE.equals(iq.attrs().optString("xmlns", null)) && iq.child("registration") != null;
    }

    public static PreKeyUploadIq fromRequest(Node iq) throws StanzaException {
        Iqs.checkRequest(iq, NAMESPACE, "set");
        int registration = KeyNodes.parseRegistration(Nodes.requireChild(iq, "registration"));
        KeyNodes.checkType(Nodes.requireChild(iq, "type"));
        byte[] identity = KeyNodes.parseIdentity(Nodes.requireChild(iq, "identity"));
        List<OneTimePreKey> keys = new ArrayList<>();
        for (Node key : Nodes.requireChild(iq, "list").children("key")) {
            keys.add(KeyNodes.parsePreKey(key));
        }
        SignedPreKey skey = KeyNodes.parseSignedPreKey(Nodes.requireChild(iq, "skey"));
        return new PreKeyUploadIq(registration, identity, keys, skey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreKeyUploadIq u && registrationId == u.registrationId
                && Arrays.equals(identityKey, u.identityKey) && preKeys.equals(u.preKeys)
                && signedPreKey.equals(u.signedPreKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(registrationId, preKeys, signedPreKey) * 31 + Arrays.hashCode(identityKey);
    }

    @Override
    public String toString() {
        return "PreKeyUploadIq[registrationId=" + registrationId + ", " + preKeys.size() + " prekeys, signedPreKey="
                + signedPreKey.id() + "]";
    }
}
