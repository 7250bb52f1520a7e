/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wabridge.core.jid.WaJid;

/**
 * Writes a {@link Node} as binary XML (§3.2–§3.5), without the frame flags byte (see {@link NodeFrames}).
 * Pure and thread-safe: every call uses its own buffer.
 *
 * <p>Strings are written as the first form that fits: single-byte token, double-byte token, NIBBLE_8, HEX_8,
 * then raw UTF-8 with the shortest BINARY_* length. Byte content is always raw. Attributes with an empty value
 * are skipped. JIDs: FB_JID on {@code msgr}, INTEROP_JID on {@code interop} (form per {@link InteropJidForm}),
 * AD_JID on {@code hosted}/{@code hosted.lid} and for device &gt; 0 on {@code s.whatsapp.net}/{@code lid},
 * JID_PAIR otherwise.
 */
public final class BinaryEncoder {
    private static final BinaryEncoder STANDARD = new BinaryEncoder(InteropJidForm.WITH_SERVER);

    private final InteropJidForm interopForm;
    private final TokenDictionary tokens = TokenDictionary.v3();

    public BinaryEncoder(InteropJidForm interopForm) {
        this.interopForm = Objects.requireNonNull(interopForm, "interopForm");
    }

    /** The default encoder: INTEROP_JID with the server string, like whatsmeow. */
    public static BinaryEncoder standard() {
        return STANDARD;
    }

    public InteropJidForm interopForm() {
        return interopForm;
    }

    public byte[] encode(Node node) {
        Sink out = new Sink(64);
        writeNode(out, node);
        return out.toByteArray();
    }

    /** Encodes behind {@code prefix} leading bytes left zero (used for the frame flags byte). */
    byte[] encodeWithPrefix(Node node, int prefix) {
        Sink out = new Sink(64);
        out.length = prefix;
        writeNode(out, node);
        return out.toByteArray();
    }

    private void writeNode(Sink out, Node node) {
        Map<String, Object> attrs = node.attributes();
        int attrCount = 0;
        for (Object value : attrs.values()) {
            if (!isEmptyValue(value)) {
                attrCount++;
            }
        }
        Object content = node.rawContent();
        writeListStart(out, 1 + 2 * attrCount + (content == null ? 0 : 1));
        writeString(out, node.tag());
        for (Map.Entry<String, Object> attr : attrs.entrySet()) {
            if (isEmptyValue(attr.getValue())) {
                continue;
            }
            writeString(out, attr.getKey());
            writeValue(out, attr.getValue());
        }
        if (content instanceof List) {
            List<Node> children = node.children();
            writeListStart(out, children.size());
            for (Node child : children) {
                writeNode(out, child);
            }
        } else if (content instanceof byte[]) {
            byte[] bytes = (byte[]) content;
            writeBinaryHeader(out, bytes.length);
            out.write(bytes, 0, bytes.length);
        } else if (content != null) {
            writeValue(out, content);
        }
    }

    private static boolean isEmptyValue(Object value) {
        return value instanceof String && ((String) value).isEmpty();
    }

    private void writeValue(Sink out, Object value) {
        if (value instanceof WaJid) {
            writeJid(out, (WaJid) value);
        } else {
            writeString(out, (String) value);
        }
    }

    private static void writeListStart(Sink out, int size) {
        if (size == 0) {
            out.write(WireTags.LIST_EMPTY);
        } else if (size < 256) {
            out.write(WireTags.LIST_8);
            out.write(size);
        } else if (size < 65536) {
            out.write(WireTags.LIST_16);
            out.write(size >>> 8);
            out.write(size);
        } else {
            throw new IllegalArgumentException("list of " + size + " entries exceeds LIST_16");
        }
    }

    private void writeString(Sink out, String value) {
        int single = tokens.indexOfSingleByte(value);
        if (single > 0) {
            out.write(single);
            return;
        }
        int dbl = tokens.indexOfDoubleByte(value);
        if (dbl >= 0) {
            out.write(WireTags.DICTIONARY_0 + (dbl >>> 8));
            out.write(dbl & 0xFF);
            return;
        }
        if (PackedStrings.isNibble(value)) {
            PackedStrings.writeNibble(out, value);
            return;
        }
        if (PackedStrings.isHex(value)) {
            PackedStrings.writeHex(out, value);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeBinaryHeader(out, utf8.length);
        out.write(utf8, 0, utf8.length);
    }

    private static void writeBinaryHeader(Sink out, int length) {
        if (length < 256) {
            out.write(WireTags.BINARY_8);
            out.write(length);
        } else if (length < (1 << 20)) {
            out.write(WireTags.BINARY_20);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
        } else {
            out.write(WireTags.BINARY_32);
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
        }
    }

    private void writeJid(Sink out, WaJid jid) {
        String server = jid.server();
        if (jid.isMessenger()) {
            out.write(WireTags.FB_JID);
            writeString(out, jid.user());
            writeU16(out, jid.device());
            writeString(out, server);
        } else if (jid.isInterop()) {
            out.write(WireTags.INTEROP_JID);
            writeString(out, jid.user());
            writeU16(out, jid.device());
            writeU16(out, jid.integrator());
            if (interopForm == InteropJidForm.WITH_SERVER) {
                writeString(out, server);
            }
        } else if (jid.isHosted() || (jid.device() > 0 && jid.domainType() >= 0)) {
            out.write(WireTags.AD_JID);
            out.write(jid.domainType());
            out.write(jid.device());
            writeString(out, jid.user());
        } else {
            out.write(WireTags.JID_PAIR);
            if (jid.hasUser()) {
                writeString(out, jid.user());
            } else {
                out.write(WireTags.LIST_EMPTY);
            }
            writeString(out, server);
        }
    }

    private static void writeU16(Sink out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    /** A growable byte buffer; no synchronisation, no bounds beyond the int range. */
    static final class Sink {
        private byte[] buf;
        private int length;

        Sink(int capacity) {
            buf = new byte[capacity];
        }

        void write(int b) {
            if (length == buf.length) {
                grow(1);
            }
            buf[length++] = (byte) b;
        }

        void write(byte[] src, int off, int len) {
            if (length + len > buf.length) {
                grow(len);
            }
            System.arraycopy(src, off, buf, length, len);
            length += len;
        }

        private void grow(int needed) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + needed));
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, length);
        }
    }
}
