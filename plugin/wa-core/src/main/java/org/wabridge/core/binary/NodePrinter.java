/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders a node as indented XML for debug logs. Byte content is shown as text only when it is short printable
 * UTF-8 (raw strings look like bytes on the wire); anything else as {@code <!-- N bytes: hex… -->} with at most
 * {@code previewBytes} bytes, unless the printer was made with {@link #full()}. Pure; the caller decides the log
 * level (wire dumps belong at DEBUG/TRACE).
 */
public final class NodePrinter {
    /** 16-byte previews, text shown up to 64 bytes. */
    public static final NodePrinter DEFAULT = new NodePrinter(16, 64);

    private final int previewBytes;
    private final int maxTextBytes;

    public NodePrinter(int previewBytes, int maxTextBytes) {
        this.previewBytes = previewBytes;
        this.maxTextBytes = maxTextBytes;
    }

    /** A printer that shows every byte (for tests and explicit troubleshooting only). */
    public static NodePrinter full() {
        return new NodePrinter(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    public String print(Node node) {
        StringBuilder out = new StringBuilder(128);
        print(node, out, 0);
        return out.toString();
    }

    private void print(Node node, StringBuilder out, int indent) {
        indent(out, indent);
        out.append('<').append(node.tag());
        for (Map.Entry<String, Object> attr : node.attributes().entrySet()) {
            out.append(' ').append(attr.getKey()).append("=\"");
            escape(attr.getValue().toString(), out);
            out.append('"');
        }
        Object content = node.rawContent();
        if (content == null) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (node.hasChildren()) {
            for (Node child : node.children()) {
                out.append('\n');
                print(child, out, indent + 1);
            }
            out.append('\n');
            indent(out, indent);
        } else if (content instanceof byte[]) {
            printBytes((byte[]) content, out);
        } else {
            escape(content.toString(), out);
        }
        out.append("</").append(node.tag()).append('>');
    }

    private void printBytes(byte[] bytes, StringBuilder out) {
        String text = bytes.length <= maxTextBytes ? printableText(bytes) : null;
        if (text != null) {
            escape(text, out);
            return;
        }
        out.append("<!-- ").append(bytes.length).append(" bytes: ");
        int shown = Math.min(bytes.length, previewBytes);
        for (int i = 0; i < shown; i++) {
            out.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
        }
        if (shown < bytes.length) {
            out.append('…');
        }
        out.append(" -->");
    }

    /** The bytes as text if they are valid UTF-8 without control characters, else null. */
    private static String printableText(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            for (int i = 0; i < text.length(); i++) {
                if (Character.isISOControl(text.charAt(i))) {
                    return null;
                }
            }
            return text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void indent(StringBuilder out, int indent) {
        for (int i = 0; i < indent; i++) {
            out.append("  ");
        }
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                default: out.append(c);
            }
        }
    }
}
