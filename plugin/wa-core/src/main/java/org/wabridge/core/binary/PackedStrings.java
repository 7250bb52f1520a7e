/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

/**
 * NIBBLE_8 and HEX_8 packing (§3.3): a length byte = ceil(len/2) with bit 7 set for an odd length, then two
 * 4-bit values per byte, high nibble first, an odd string padded with 15.
 */
final class PackedStrings {
    private static final char[] NIBBLE_CHARS = "0123456789-.".toCharArray();
    private static final char[] HEX_CHARS = "0123456789ABCDEF".toCharArray();
    static final int PADDING = 15;

    private PackedStrings() {
    }

    /** 1..127 characters of 0-9, '-', '.'. */
    static boolean isNibble(String value) {
        int length = value.length();
        if (length == 0 || length > WireTags.PACKED_MAX) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** 1..127 characters of 0-9, A-F (upper case only: the decoder yields upper case). */
    static boolean isHex(String value) {
        int length = value.length();
        if (length == 0 || length > WireTags.PACKED_MAX) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    static void writeNibble(BinaryEncoder.Sink out, String value) {
        out.write(WireTags.NIBBLE_8);
        writePacked(out, value, false);
    }

    static void writeHex(BinaryEncoder.Sink out, String value) {
        out.write(WireTags.HEX_8);
        writePacked(out, value, true);
    }

    private static void writePacked(BinaryEncoder.Sink out, String value, boolean hex) {
        int length = value.length();
        int odd = length & 1;
        out.write(((length + 1) >>> 1) | (odd << 7));
        for (int i = 0; i + 1 < length; i += 2) {
            out.write(code(value.charAt(i), hex) << 4 | code(value.charAt(i + 1), hex));
        }
        if (odd == 1) {
            out.write(code(value.charAt(length - 1), hex) << 4 | PADDING);
        }
    }

    private static int code(char c, boolean hex) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (hex) {
            return c - 'A' + 10;
        }
        return c == '-' ? 10 : 11;
    }

    /** The character for a nibble value, or 0 when the value is not valid in this packing. */
    static char charOf(int nibble, boolean hex) {
        if (hex) {
            return HEX_CHARS[nibble];
        }
        return nibble < NIBBLE_CHARS.length ? NIBBLE_CHARS[nibble] : 0;
    }
}
