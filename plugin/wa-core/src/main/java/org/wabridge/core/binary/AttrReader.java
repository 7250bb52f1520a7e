/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import java.util.Optional;
import java.util.OptionalLong;
import org.wabridge.core.jid.InvalidJidException;
import org.wabridge.core.jid.WaJid;

/**
 * Typed reads of a node's attributes. {@code require*} throws {@link NodeAttributeException} when the attribute
 * is absent or malformed; {@code opt*} returns empty/the default when absent but still throws when present and
 * malformed (a wrong value is never silently ignored). Numbers are decimal, booleans "true"/"false"/"1"/"0".
 */
public final class AttrReader {
    private final Node node;

    AttrReader(Node node) {
        this.node = node;
    }

    public String requireString(String key) throws NodeAttributeException {
        Object value = node.attribute(key);
        if (value == null) {
            throw missing(key);
        }
        return value.toString();
    }

    public Optional<String> optString(String key) {
        Object value = node.attribute(key);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    public String optString(String key, String fallback) {
        Object value = node.attribute(key);
        return value == null ? fallback : value.toString();
    }

    public long requireLong(String key) throws NodeAttributeException {
        return parseLong(key, requireString(key));
    }

    public OptionalLong optLong(String key) throws NodeAttributeException {
        Optional<String> text = optString(key);
        return text.isPresent() ? OptionalLong.of(parseLong(key, text.get())) : OptionalLong.empty();
    }

    public int requireInt(String key) throws NodeAttributeException {
        return toInt(key, requireLong(key));
    }

    public int optInt(String key, int fallback) throws NodeAttributeException {
        OptionalLong value = optLong(key);
        return value.isPresent() ? toInt(key, value.getAsLong()) : fallback;
    }

    public boolean requireBool(String key) throws NodeAttributeException {
        return parseBool(key, requireString(key));
    }

    public boolean optBool(String key, boolean fallback) throws NodeAttributeException {
        Optional<String> text = optString(key);
        return text.isPresent() ? parseBool(key, text.get()) : fallback;
    }

    /** A JID attribute; accepts a binary JID value or its text form. */
    public WaJid requireJid(String key) throws NodeAttributeException {
        Object value = node.attribute(key);
        if (value == null) {
            throw missing(key);
        }
        return toJid(key, value);
    }

    public Optional<WaJid> optJid(String key) throws NodeAttributeException {
        Object value = node.attribute(key);
        return value == null ? Optional.empty() : Optional.of(toJid(key, value));
    }

    private WaJid toJid(String key, Object value) throws NodeAttributeException {
        if (value instanceof WaJid) {
            return (WaJid) value;
        }
        try {
            return WaJid.parse(value.toString());
        } catch (InvalidJidException e) {
            throw new NodeAttributeException(node.tag(), key, "not a JID: " + e.getMessage());
        }
    }

    private long parseLong(String key, String text) throws NodeAttributeException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NodeAttributeException(node.tag(), key, "not a decimal integer");
        }
    }

    private int toInt(String key, long value) throws NodeAttributeException {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new NodeAttributeException(node.tag(), key, "integer out of range");
        }
        return (int) value;
    }

    private boolean parseBool(String key, String text) throws NodeAttributeException {
        switch (text) {
            case "true": case "1": return true;
            case "false": case "0": return false;
            default: throw new NodeAttributeException(node.tag(), key, "not a boolean");
        }
    }

    private NodeAttributeException missing(String key) {
        return new NodeAttributeException(node.tag(), key, "missing");
    }
}
