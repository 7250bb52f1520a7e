/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wabridge.core.jid.WaJid;

/**
 * Reads one binary-XML node (§3.2–§3.5) from bytes without the frame flags byte (see {@link NodeFrames}).
 * Pure and thread-safe. Accepts every tag of §3.2 and INTEROP_JID with or without its trailing server string.
 * Everything malformed — unknown tags, truncation, sizes over {@link DecoderLimits}, bad packed nibbles, an
 * empty tag, duplicate attributes, trailing bytes — fails with {@link BinaryDecodeException}; a partial node is
 * never returned.
 */
public final class BinaryDecoder {
    private static final BinaryDecoder STANDARD = new BinaryDecoder(DecoderLimits.DEFAULT);

    private final DecoderLimits limits;
    private final TokenDictionary tokens = TokenDictionary.v3();

    public BinaryDecoder(DecoderLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public static BinaryDecoder standard() {
        return STANDARD;
    }

    public DecoderLimits limits() {
        return limits;
    }

    public Node decode(byte[] data) throws BinaryDecodeException {
        return decode(data, 0, data.length);
    }

    /** Decodes exactly {@code data[offset, offset+length)}; error offsets are indices into {@code data}. */
    public Node decode(byte[] data, int offset, int length) throws BinaryDecodeException {
        Objects.checkFromIndexSize(offset, length, data.length);
        Reader reader = new Reader(data, offset, offset + length);
        Node node = reader.readNode(1);
        if (reader.pos != reader.end) {
            throw new BinaryDecodeException((reader.end - reader.pos) + " trailing bytes after the node", reader.pos);
        }
        return node;
    }

    /** Cursor over one input; one instance per decode call. */
    private final class Reader {
        private final byte[] data;
        private final int end;
        private int pos;
        private int nodes;

        Reader(byte[] data, int pos, int end) {
            this.data = data;
            this.pos = pos;
            this.end = end;
        }

        private BinaryDecodeException error(String problem, int at) {
            return new BinaryDecodeException(problem, at);
        }

        private int readByte() throws BinaryDecodeException {
            if (pos >= end) {
                throw error("unexpected end of input", pos);
            }
            return data[pos++] & 0xFF;
        }

        private int readU16() throws BinaryDecodeException {
            return readByte() << 8 | readByte();
        }

        private void require(int count, String what) throws BinaryDecodeException {
            if (count > end - pos) {
                throw error(what + " of " + count + " bytes exceeds the " + (end - pos) + " remaining", pos);
            }
        }

        Node readNode(int depth) throws BinaryDecodeException {
            int start = pos;
            int size = readListSize(readByte(), start);
            if (size == 0) {
                throw error("node is an empty list", start);
            }
            if (++nodes > limits.maxNodes()) {
                throw error("more than " + limits.maxNodes() + " nodes", start);
            }
            int tagAt = pos;
            String tag = readString(readByte(), tagAt);
            if (tag.isEmpty()) {
                throw error("empty node tag", tagAt);
            }
            int attrCount = (size - 1) / 2;
            Map<String, Object> attrs = null;
            if (attrCount > 0) {
                require(attrCount * 2, "attribute list");
                attrs = new LinkedHashMap<>(attrCount * 2);
                for (int i = 0; i < attrCount; i++) {
                    int keyAt = pos;
                    String key = readString(readByte(), keyAt);
                    if (key.isEmpty()) {
                        throw error("empty attribute name in <" + tag + ">", keyAt);
                    }
                    if (attrs.put(key, readAttributeValue()) != null) {
                        throw error("duplicate attribute '" + key + "' in <" + tag + ">", keyAt);
                    }
                }
            }
            Object content = size % 2 == 0 ? readContent(depth) : null;
            return Node.trusted(tag, attrs, content);
        }

        private int readListSize(int tag, int at) throws BinaryDecodeException {
            switch (tag) {
                case WireTags.LIST_EMPTY: return 0;
                case WireTags.LIST_8: return readByte();
                case WireTags.LIST_16: return readU16();
                default: throw error("expected a list, found tag " + tag, at);
            }
        }

        private Object readAttributeValue() throws BinaryDecodeException {
            int at = pos;
            int tag = readByte();
            if (tag == WireTags.LIST_EMPTY) {
                return "";
            }
            if (tag == WireTags.LIST_8 || tag == WireTags.LIST_16) {
                throw error("list where an attribute value was expected", at);
            }
            return readScalar(tag, at);
        }

        private Object readContent(int depth) throws BinaryDecodeException {
            int at = pos;
            int tag = readByte();
            switch (tag) {
                case WireTags.LIST_EMPTY:
                    return null;
                case WireTags.LIST_8:
                case WireTags.LIST_16:
                    return readChildren(readListSize(tag, at), depth, at);
                case WireTags.BINARY_8:
                case WireTags.BINARY_20:
                case WireTags.BINARY_32:
                    int length = readBinaryLength(tag, at);
                    byte[] bytes = new byte[length];
                    System.arraycopy(data, pos, bytes, 0, length);
                    pos += length;
                    return bytes;
                default:
                    return readScalar(tag, at);
            }
        }

        private List<Node> readChildren(int size, int depth, int at) throws BinaryDecodeException {
            if (size > limits.maxListSize()) {
                throw error("child list of " + size + " exceeds the limit " + limits.maxListSize(), at);
            }
            if (depth + 1 > limits.maxDepth()) {
                throw error("nodes nested deeper than " + limits.maxDepth(), at);
            }
            // every child needs at least two bytes, so the input bounds the allocation too
            require(size * 2, "child list");
            List<Node> children = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                children.add(readNode(depth + 1));
            }
            return children;
        }

        /** A string (token, packed, binary as UTF-8) or a JID. */
        private Object readScalar(int tag, int at) throws BinaryDecodeException {
            switch (tag) {
                case WireTags.JID_PAIR: return readJidPair(at);
                case WireTags.AD_JID: return readAdJid(at);
                case WireTags.FB_JID: return readFbJid(at);
                case WireTags.INTEROP_JID: return readInteropJid(at);
                default: return readString(tag, at);
            }
        }

        private String readString(int tag, int at) throws BinaryDecodeException {
            if (tag >= 1 && tag < WireTags.DICTIONARY_0) {
                String token = tokens.singleByte(tag);
                if (token == null) {
                    throw error("unknown single-byte token " + tag, at);
                }
                return token;
            }
            switch (tag) {
                case WireTags.DICTIONARY_0:
                case WireTags.DICTIONARY_1:
                case WireTags.DICTIONARY_2:
                case WireTags.DICTIONARY_3:
                    int index = readByte();
                    String token = tokens.doubleByte(tag - WireTags.DICTIONARY_0, index);
                    if (token == null) {
                        throw error("unknown double-byte token " + (tag - WireTags.DICTIONARY_0) + "/" + index, at);
                    }
                    return token;
                case WireTags.BINARY_8:
                case WireTags.BINARY_20:
                case WireTags.BINARY_32:
                    int length = readBinaryLength(tag, at);
                    String text = new String(data, pos, length, StandardCharsets.UTF_8);
                    pos += length;
                    return text;
                case WireTags.NIBBLE_8:
                    return readPacked(false, at);
                case WireTags.HEX_8:
                    return readPacked(true, at);
                default:
                    throw error("expected a string, found tag " + tag, at);
            }
        }

        private int readBinaryLength(int tag, int at) throws BinaryDecodeException {
            int length;
            if (tag == WireTags.BINARY_8) {
                length = readByte();
            } else if (tag == WireTags.BINARY_20) {
                length = (readByte() & 0x0F) << 16 | readByte() << 8 | readByte();
            } else {
                long wide = (long) readU16() << 16 | readU16();
                if (wide > limits.maxBinaryLength()) {
                    throw error("binary of " + wide + " bytes exceeds the limit " + limits.maxBinaryLength(), at);
                }
                length = (int) wide;
            }
            if (length > limits.maxBinaryLength()) {
                throw error("binary of " + length + " bytes exceeds the limit " + limits.maxBinaryLength(), at);
            }
            require(length, "binary");
            return length;
        }

        private String readPacked(boolean hex, int at) throws BinaryDecodeException {
            int header = readByte();
            int count = header & 0x7F;
            boolean odd = (header & 0x80) != 0;
            int chars = count * 2 - (odd ? 1 : 0);
            if (chars < 0) {
                throw error("odd packed string of zero bytes", at);
            }
            require(count, "packed string");
            char[] out = new char[chars];
            for (int i = 0; i < chars; i++) {
                int b = data[pos + (i >>> 1)] & 0xFF;
                int nibble = (i & 1) == 0 ? b >>> 4 : b & 0x0F;
                char c = PackedStrings.charOf(nibble, hex);
                if (c == 0) {
                    throw error("invalid nibble " + nibble + " in NIBBLE_8 string", pos + (i >>> 1));
                }
                out[i] = c;
            }
            pos += count;
            return new String(out);
        }

        private WaJid readJidPair(int at) throws BinaryDecodeException {
            int userAt = pos;
            int userTag = readByte();
            String user = userTag == WireTags.LIST_EMPTY ? "" : readString(userTag, userAt);
            String server = readString(readByte(), pos - 1);
            return jid(user, 0, server, at);
        }

        private WaJid readAdJid(int at) throws BinaryDecodeException {
            int domainType = readByte();
            int device = readByte();
            String user = readString(readByte(), pos - 1);
            String server = WaJid.serverForDomainType(domainType);
            if (server == null) {
                throw error("unknown AD_JID domain type " + domainType, at + 1);
            }
            return jid(user, device, server, at);
        }

        private WaJid readFbJid(int at) throws BinaryDecodeException {
            String user = readString(readByte(), pos - 1);
            int device = readU16();
            String server = readString(readByte(), pos - 1);
            return jid(user, device, server, at);
        }

        private WaJid readInteropJid(int at) throws BinaryDecodeException {
            String user = readString(readByte(), pos - 1);
            int device = readU16();
            int integrator = readU16();
            // the server string is optional (§3.5): consume it only if the next value is exactly "interop"
            if (pos < end) {
                int save = pos;
                try {
                    if (!WaJid.INTEROP_SERVER.equals(readString(readByte(), save))) {
                        pos = save;
                    }
                } catch (BinaryDecodeException notAString) {
                    pos = save;
                }
            }
            return WaJid.interop(user, device, integrator);
        }

        private WaJid jid(String user, int device, String server, int at) throws BinaryDecodeException {
            try {
                return WaJid.of(user, device, server);
            } catch (IllegalArgumentException e) {
                throw error("invalid JID: " + e.getMessage(), at);
            }
        }
    }
}
