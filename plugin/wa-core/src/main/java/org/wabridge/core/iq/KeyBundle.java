/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.binary.Node;
import org.wabridge.core.signal.OneTimePreKey;
import org.wabridge.core.signal.PreKeyBundle;
import org.wabridge.core.signal.SignedPreKey;
import org.wabridge.core.stanza.Nodes;
import org.wabridge.core.stanza.StanzaException;

/**
 * A device's key bundle as it travels in a prekey fetch result and in a retry receipt (whatsapp-protocol.md
 * §5.3, §5.8): {@code <registration>} on the outer node, then {@code <type> <identity> <skey> [<key>]
 * [<device-identity>]} either directly or inside a {@code <keys>} wrapper. Converts to the Signal port's
 * {@link PreKeyBundle} (no Kyber key: WhatsApp's wire form has none).
 */
public record KeyBundle(int registrationId, byte[] identityKey, SignedPreKey signedPreKey,
        Optional<OneTimePreKey> oneTimePreKey, Optional<byte[]> deviceIdentity) {

    public KeyBundle {
        identityKey = Objects.requireNonNull(identityKey, "identityKey").clone();
        if (identityKey.length != KeyNodes.KEY_LENGTH) {
            throw new IllegalArgumentException("identity key must be 32 bytes, got " + identityKey.length);
        }
        Objects.requireNonNull(signedPreKey, "signedPreKey");
        Objects.requireNonNull(oneTimePreKey, "oneTimePreKey");
        deviceIdentity = Objects.requireNonNull(deviceIdentity, "deviceIdentity").map(byte[]::clone);
    }

    public static KeyBundle from(PreKeyBundle bundle, Optional<byte[]> deviceIdentity) {
        return new KeyBundle(bundle.registrationId(), bundle.identityKey(), bundle.signedPreKey(),
                bundle.oneTimePreKey(), deviceIdentity);
    }

    /** The Signal port's bundle for device {@code deviceId} of the user. */
    public PreKeyBundle toPreKeyBundle(int deviceId) {
        return new PreKeyBundle(registrationId, deviceId, identityKey, signedPreKey, oneTimePreKey, Optional.empty());
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public Optional<byte[]> deviceIdentity() {
        return deviceIdentity.map(byte[]::clone);
    }

    /** Children of a fetch-result {@code <user>}: registration, type, identity, skey, [key], [device-identity]. */
    public List<Node> userChildren() {
        List<Node> children = new ArrayList<>();
        children.add(KeyNodes.registration(registrationId));
        children.add(KeyNodes.type());
        children.add(KeyNodes.identity(identityKey));
        children.add(KeyNodes.signedPreKey(signedPreKey));
        oneTimePreKey.ifPresent(k -> children.add(KeyNodes.preKey(k)));
        deviceIdentity.ifPresent(d -> children.add(Nodes.bytesNode("device-identity", d)));
        return children;
    }

    /** The retry-receipt {@code <keys>}: type, identity, [key], skey, [device-identity] (§5.8 order). */
    public Node keysNode() {
        Node.Builder keys = Node.builder("keys").child(KeyNodes.type()).child(KeyNodes.identity(identityKey));
        oneTimePreKey.ifPresent(k -> keys.child(KeyNodes.preKey(k)));
        keys.child(KeyNodes.signedPreKey(signedPreKey));
        deviceIdentity.ifPresent(d -> keys.child(Nodes.bytesNode("device-identity", d)));
        return keys.build();
    }

    /** Parses a node holding {@code <registration>} and the key children, directly or in {@code <keys>}. */
    public static KeyBundle fromNode(Node holder) throws StanzaException {
        int registration = KeyNodes.parseRegistration(Nodes.requireChild(holder, "registration"));
        Node keys = holder.child("keys") != null ? holder.child("keys") : holder;
        Node type = keys.child("type");
        if (type != null) {
            KeyNodes.checkType(type);
        }
        byte[] identity = KeyNodes.parseIdentity(Nodes.requireChild(keys, "identity"));
        SignedPreKey skey = KeyNodes.parseSignedPreKey(Nodes.requireChild(keys, "skey"));
        Node key = keys.child("key");
        Optional<OneTimePreKey> otk = key == null ? Optional.empty() : Optional.of(KeyNodes.parsePreKey(key));
        Node di = keys.child("device-identity");
        Optional<byte[]> deviceIdentity = di == null ? Optional.empty() : Optional.of(Nodes.bytes(di));
        return new KeyBundle(registration, identity, skey, otk, deviceIdentity);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyBundle b && registrationId == b.registrationId
                && Arrays.equals(identityKey, b.identityKey) && signedPreKey.equals(b.signedPreKey)
                && oneTimePreKey.equals(b.oneTimePreKey) && deviceIdentity.isPresent() == b.deviceIdentity.isPresent()
                && (deviceIdentity.isEmpty() || Arrays.equals(deviceIdentity.get(), b.deviceIdentity.get()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(registrationId, signedPreKey) * 31 + Arrays.hashCode(identityKey);
    }

    @Override
    public String toString() {
        return "KeyBundle[registrationId=" + registrationId + ", signedPreKey=" + signedPreKey.id()
                + ", oneTimePreKey=" + oneTimePreKey.map(k -> Integer.toString(k.id())).orElse("none") + "]";
    }
}
