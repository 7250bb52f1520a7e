/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.sim;

import java.util.List;

/** A minimal JSON object builder with correct string escaping (the emulator has no JSON library). */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder("{");
    private boolean first = true;

    private JsonWriter key(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(out, name);
        out.append(':');
        return this;
    }

    JsonWriter string(String name, String value) {
        key(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(out, value);
        }
        return this;
    }

    JsonWriter number(String name, long value) {
        key(name).out.append(value);
        return this;
    }

    JsonWriter bool(String name, boolean value) {
        key(name).out.append(value);
        return this;
    }

    /** {@code value} is already JSON (an object or array built here). */
    JsonWriter raw(String name, String value) {
        key(name).out.append(value);
        return this;
    }

    JsonWriter strings(String name, List<String> values) {
        key(name).out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(out, values.get(i));
        }
        out.append(']');
        return this;
    }

    static String array(List<String> jsonValues) {
        return "[" + String.join(",", jsonValues) + "]";
    }

    @Override
    public String toString() {
        return out + "}";
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
