/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

/** Tag byte values of the binary XML encoding (whatsapp-protocol.md §3.2). */
public final class WireTags {
    public static final int LIST_EMPTY = 0;
    /** Single-byte token indices are 1..235; index 2 is {@code xmlstreamend}. */
    public static final int STREAM_END = 2;
    public static final int DICTIONARY_0 = 236;
    public static final int DICTIONARY_1 = 237;
    public static final int DICTIONARY_2 = 238;
    public static final int DICTIONARY_3 = 239;
    public static final int INTEROP_JID = 245;
    public static final int FB_JID = 246;
    public static final int AD_JID = 247;
    public static final int LIST_8 = 248;
    public static final int LIST_16 = 249;
    public static final int JID_PAIR = 250;
    public static final int HEX_8 = 251;
    public static final int BINARY_8 = 252;
    public static final int BINARY_20 = 253;
    public static final int BINARY_32 = 254;
    public static final int NIBBLE_8 = 255;
    /** Longest string written in a packed (NIBBLE_8 / HEX_8) form. */
    public static final int PACKED_MAX = 127;

    private WireTags() {
    }
}
