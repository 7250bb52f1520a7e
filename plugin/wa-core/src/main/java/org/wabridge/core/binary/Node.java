/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wabridge.core.jid.WaJid;

/**
 * An immutable binary-XML node: a tag, attributes (values are {@link String} or {@link WaJid}, in insertion
 * order) and at most one kind of content: child nodes, bytes, a string or a JID.
 *
 * <p>An empty child list is the same as no content (both are written as an absent/empty list). Byte content is
 * copied in and out; use {@link #contentBuffer()} for a read-only view without copying.
 */
public final class Node {
    /** The stream-end node ({@code xmlstreamend}, token 2): the peer is closing the stream. */
    public static final Node STREAM_END = new Node("xmlstreamend", Map.of(), null);

    private final String tag;
    private final Map<String, Object> attrs;
    /** null, List&lt;Node&gt; (non-empty, unmodifiable), byte[] (never exposed), String or WaJid. */
    private final Object content;

    private Node(String tag, Map<String, Object> attrs, Object content) {
        this.tag = tag;
        this.attrs = attrs;
        this.content = content;
    }

    /** Used by the decoder: takes ownership of the map, list and array without copying. */
    static Node trusted(String tag, Map<String, Object> attrs, Object content) {
        Map<String, Object> safeAttrs = attrs == null ? Map.of() : Collections.unmodifiableMap(attrs);
        Object safe = content;
        if (content instanceof List) {
            safe = ((List<?>) content).isEmpty() ? null : Collections.unmodifiableList((List<?>) content);
        }
        return new Node(tag, safeAttrs, safe);
    }

    public static Builder builder(String tag) {
        return new Builder(tag);
    }

    /** A node with only a tag. */
    public static Node of(String tag) {
        return new Builder(tag).build();
    }

    public String tag() {
        return tag;
    }

    /** Unmodifiable attributes; values are String or WaJid. */
    public Map<String, Object> attributes() {
        return attrs;
    }

    /** The raw attribute value (String or WaJid) or null. */
    public Object attribute(String key) {
        return attrs.get(key);
    }

    /** Typed attribute access with errors naming the tag and key. */
    public AttrReader attrs() {
        return new AttrReader(this);
    }

    public boolean hasContent() {
        return content != null;
    }

    public boolean hasChildren() {
        return content instanceof List;
    }

    public boolean hasBytes() {
        return content instanceof byte[];
    }

    public boolean hasString() {
        return content instanceof String;
    }

    public boolean hasJid() {
        return content instanceof WaJid;
    }

    /** Child nodes; empty when the content is not a list. */
    @SuppressWarnings("unchecked")
    public List<Node> children() {
        return content instanceof List ? (List<Node>) content : List.of();
    }

    /** The first child with this tag, or null. */
    public Node child(String childTag) {
        for (Node child : children()) {
            if (child.tag.equals(childTag)) {
                return child;
            }
        }
        return null;
    }

    /** All children with this tag. */
    public List<Node> children(String childTag) {
        List<Node> matches = new ArrayList<>();
        for (Node child : children()) {
            if (child.tag.equals(childTag)) {
                matches.add(child);
            }
        }
        return matches;
    }

    /** A copy of the byte content, or null when the content is not bytes. */
    public byte[] contentBytes() {
        return content instanceof byte[] ? ((byte[]) content).clone() : null;
    }

    /** A read-only view of the byte content, or null when the content is not bytes. */
    public ByteBuffer contentBuffer() {
        return content instanceof byte[] ? ByteBuffer.wrap((byte[]) content).asReadOnlyBuffer() : null;
    }

    /** Length of the byte content, or -1. */
    public int contentLength() {
        return content instanceof byte[] ? ((byte[]) content).length : -1;
    }

    /**
     * The content as text: a string as is, bytes as UTF-8, a JID in its text form; null for children or none.
     * Needed because raw (non-token, non-packed) string content is on the wire the same as bytes.
     */
    public String contentText() {
        if (content instanceof String) {
            return (String) content;
        }
        if (content instanceof byte[]) {
            return new String((byte[]) content, StandardCharsets.UTF_8);
        }
        return content instanceof WaJid ? content.toString() : null;
    }

    /** The JID content, or null. */
    public WaJid contentJid() {
        return content instanceof WaJid ? (WaJid) content : null;
    }

    /** Raw content for codecs and printers in this package (byte[] is not copied). */
    Object rawContent() {
        return content;
    }

    public boolean isStreamEnd() {
        return tag.equals(STREAM_END.tag) && attrs.isEmpty() && content == null;
    }

    /** A builder pre-filled with this node, to derive a modified copy. */
    public Builder toBuilder() {
        Builder builder = new Builder(tag);
        builder.attrs.putAll(attrs);
        builder.content = content;
        return builder;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Node)) {
            return false;
        }
        Node other = (Node) o;
        if (!tag.equals(other.tag) || !attrs.equals(other.attrs)) {
            return false;
        }
        if (content instanceof byte[] && other.content instanceof byte[]) {
            return Arrays.equals((byte[]) content, (byte[]) other.content);
        }
        return Objects.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        int contentHash = content instanceof byte[] ? Arrays.hashCode((byte[]) content) : Objects.hashCode(content);
        return (tag.hashCode() * 31 + attrs.hashCode()) * 31 + contentHash;
    }

    /** Debug rendering via {@link NodePrinter#DEFAULT}: binary content is abbreviated. */
    @Override
    public String toString() {
        return NodePrinter.DEFAULT.print(this);
    }

    /** Builds a {@link Node}; the last content setter wins. Null attribute values are ignored. */
    public static final class Builder {
        private final String tag;
        private final LinkedHashMap<String, Object> attrs = new LinkedHashMap<>();
        private Object content;

        private Builder(String tag) {
            Objects.requireNonNull(tag, "tag");
            if (tag.isEmpty()) {
                throw new IllegalArgumentException("node tag must not be empty");
            }
            this.tag = tag;
        }

        public Builder attr(String key, String value) {
            return put(key, value);
        }

        public Builder attr(String key, WaJid value) {
            return put(key, value);
        }

        /** Numbers are written as decimal strings (§3.4). */
        public Builder attr(String key, long value) {
            return put(key, Long.toString(value));
        }

        /** Booleans are written as "true"/"false". */
        public Builder attr(String key, boolean value) {
            return put(key, Boolean.toString(value));
        }

        private Builder put(String key, Object value) {
            Objects.requireNonNull(key, "attribute key");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("attribute key must not be empty");
            }
            if (value != null) {
                attrs.put(key, value);
            }
            return this;
        }

        @SuppressWarnings("unchecked")
        public Builder child(Node child) {
            Objects.requireNonNull(child, "child");
            if (!(content instanceof ArrayList)) {
                content = new ArrayList<>(children());
            }
            ((ArrayList<Node>) content).add(child);
            return this;
        }

        public Builder children(List<Node> nodes) {
            for (Node node : nodes) {
                Objects.requireNonNull(node, "child");
            }
            content = new ArrayList<>(nodes);
            return this;
        }

        public Builder children(Node... nodes) {
            return children(Arrays.asList(nodes));
        }

        public Builder bytes(byte[] bytes) {
            content = bytes.clone();
            return this;
        }

        public Builder text(String text) {
            content = Objects.requireNonNull(text, "text");
            return this;
        }

        public Builder jid(WaJid jid) {
            content = Objects.requireNonNull(jid, "jid");
            return this;
        }

        public Builder noContent() {
            content = null;
            return this;
        }

        @SuppressWarnings("unchecked")
        private List<Node> children() {
            return content instanceof List ? (List<Node>) content : List.of();
        }

        public Node build() {
            Object finalContent = content;
            if (finalContent instanceof List) {
                List<?> list = (List<?>) finalContent;
                finalContent = list.isEmpty() ? null : List.copyOf(list);
            }
            Map<String, Object> finalAttrs = attrs.isEmpty() ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
            return new Node(tag, finalAttrs, finalContent);
        }
    }
}
