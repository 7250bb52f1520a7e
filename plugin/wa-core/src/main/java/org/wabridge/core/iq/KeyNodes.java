/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import org.wabridge.core.binary.Node;
import org.wabridge.core.signal.OneTimePreKey;
import org.wabridge.core.signal.SignedPreKey;
import org.wabridge.core.stanza.Nodes;
import org.wabridge.core.stanza.StanzaException;

/**
 * Wire form of Signal keys (whatsapp-protocol.md §5.3): raw 32-byte public keys (no 0x05 prefix), 3-byte
 * big-endian key ids, 4-byte big-endian registration ids, the key type as one byte 0x05, 64-byte signatures.
 */
public final class KeyNodes {
    /** DJB (Curve25519) key type byte, sent in {@code <type>}. */
    public static final byte DJB_TYPE = 0x05;
    public static final int KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;
    public static final int ID_LENGTH = 3;
    public static final int REGISTRATION_LENGTH = 4;

    private KeyNodes() {
    }

    public static Node registration(int registrationId) {
        return Nodes.bytesNode("registration", Nodes.bigEndian(registrationId & 0xFFFFFFFFL, REGISTRATION_LENGTH));
    }

    /** The registration id; values above 2^31-1 come back as negative ints with the same 32 bits. */
    public static int parseRegistration(Node node) throws StanzaException {
        Nodes.requireTag(node, "registration");
        return (int) Nodes.unsignedBigEndian(node, REGISTRATION_LENGTH);
    }

    public static Node type() {
        return Nodes.bytesNode("type", new byte[] {DJB_TYPE});
    }

    public static void checkType(Node node) throws StanzaException {
        Nodes.requireTag(node, "type");
        byte[] type = Nodes.bytes(node, 1);
        if (type[0] != DJB_TYPE) {
            throw new StanzaException("type", "unsupported key type " + (type[0] & 0xFF) + ", expected 5");
        }
    }

    public static Node identity(byte[] identityKey) {
        return Nodes.bytesNode("identity", identityKey);
    }

    public static byte[] parseIdentity(Node node) throws StanzaException {
        Nodes.requireTag(node, "identity");
        return Nodes.bytes(node, KEY_LENGTH);
    }

    /** {@code <key><id>3 B</id><value>32 B</value></key>}. */
    public static Node preKey(OneTimePreKey key) {
        return Node.builder("key").children(id(key.id()), Nodes.bytesNode("value", key.publicKey())).build();
    }

    public static OneTimePreKey parsePreKey(Node node) throws StanzaException {
        Nodes.requireTag(node, "key");
        int id = parseId(Nodes.requireChild(node, "id"));
        byte[] value = Nodes.bytes(Nodes.requireChild(node, "value"), KEY_LENGTH);
        try {
            return new OneTimePreKey(id, value);
        } catch (IllegalArgumentException e) {
            throw new StanzaException("key", e.getMessage(), e);
        }
    }

    /** {@code <skey><id>3 B</id><value>32 B</value><signature>64 B</signature></skey>}. */
    public static Node signedPreKey(SignedPreKey key) {
        return Node.builder("skey").children(id(key.id()), Nodes.bytesNode("value", key.publicKey()),
                Nodes.bytesNode("signature", key.signature())).build();
    }

    public static SignedPreKey parseSignedPreKey(Node node) throws StanzaException {
        Nodes.requireTag(node, "skey");
        int id = parseId(Nodes.requireChild(node, "id"));
        byte[] value = Nodes.bytes(Nodes.requireChild(node, "value"), KEY_LENGTH);
        byte[] signature = Nodes.bytes(Nodes.requireChild(node, "signature"), SIGNATURE_LENGTH);
        try {
            return new SignedPreKey(id, value, signature);
        } catch (IllegalArgumentException e) {
            throw new StanzaException("skey", e.getMessage(), e);
        }
    }

    private static Node id(int id) {
        return Nodes.bytesNode("id", Nodes.bigEndian(id, ID_LENGTH));
    }

    private static int parseId(Node node) throws StanzaException {
        return (int) Nodes.unsignedBigEndian(node, ID_LENGTH);
    }
}
