/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.wabridge.core.binary.Node;
import org.wabridge.core.binary.NodeAttributeException;
import org.wabridge.core.jid.WaJid;

/**
 * Reading helpers shared by the stanza and IQ parsers: every failure becomes a {@link StanzaException} naming
 * the tag, so callers see one exception type.
 */
public final class Nodes {
    private Nodes() {
    }

    public static void requireTag(Node node, String tag) throws StanzaException {
        if (node == null) {
            throw new StanzaException(tag, "missing node");
        }
        if (!node.tag().equals(tag)) {
            throw new StanzaException(node.tag(), "expected <" + tag + ">");
        }
    }

    public static Node requireChild(Node node, String childTag) throws StanzaException {
        Node child = node.child(childTag);
        if (child == null) {
            throw new StanzaException(node.tag(), "missing child <" + childTag + ">");
        }
        return child;
    }

    public static String string(Node node, String key) throws StanzaException {
        try {
            return node.attrs().requireString(key);
        } catch (NodeAttributeException e) {
            throw wrap(node, e);
        }
    }

    public static Optional<String> optString(Node node, String key) {
        return node.attrs().optString(key);
    }

    public static long longAttr(Node node, String key) throws StanzaException {
        try {
            return node.attrs().requireLong(key);
        } catch (NodeAttributeException e) {
            throw wrap(node, e);
        }
    }

    public static OptionalLong optLong(Node node, String key) throws StanzaException {
        try {
            return node.attrs().optLong(key);
        } catch (NodeAttributeException e) {
            throw wrap(node, e);
        }
    }

    public static int intAttr(Node node, String key) throws StanzaException {
        try {
            return node.attrs().requireInt(key);
        } catch (NodeAttributeException e) {
            throw wrap(node, e);
        }
    }

    public static OptionalInt optInt(Node node, String key) throws StanzaException {
        OptionalLong value = optLong(node, key);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        long v = value.getAsLong();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new StanzaException(node.tag(), "attribute '" + key + "': integer out of range");
        }
        return OptionalInt.of((int) v);
    }

    public static WaJid jid(Node node, String key) throws StanzaException {
        try {
            return node.attrs().requireJid(key);
        } catch (NodeAttributeException e) {
            throw wrap(node, e);
        }
    }

    public static Optional<WaJid> optJid(Node node, String key) throws StanzaException {
        try {
            return node.attrs().optJid(key);
        } catch (NodeAttributeException e) {
            throw wrap(node, e);
        }
    }

    /** Byte content, required; text content is accepted as its UTF-8 bytes (the wire does not tell them apart). */
    public static byte[] bytes(Node node) throws StanzaException {
        byte[] data = node.contentBytes();
        if (data == null && node.hasString()) {
            data = node.contentText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (data == null) {
            throw new StanzaException(node.tag(), "missing byte content");
        }
        return data;
    }

    /** Byte content of exactly {@code length} bytes. */
    public static byte[] bytes(Node node, int length) throws StanzaException {
        byte[] data = bytes(node);
        if (data.length != length) {
            throw new StanzaException(node.tag(), "content must be " + length + " bytes, got " + data.length);
        }
        return data;
    }

    /** Big-endian unsigned integer of exactly {@code length} bytes (3-byte key ids, 4-byte registration ids). */
    public static long unsignedBigEndian(Node node, int length) throws StanzaException {
        byte[] data = bytes(node, length);
        long value = 0;
        for (byte b : data) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    /** {@code value} as {@code length} big-endian bytes. */
    public static byte[] bigEndian(long value, int length) {
        byte[] out = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    public static Node bytesNode(String tag, byte[] content) {
        return Node.builder(tag).bytes(content).build();
    }

    private static StanzaException wrap(Node node, NodeAttributeException e) {
        return new StanzaException(node.tag(), e.getMessage(), e);
    }
}
