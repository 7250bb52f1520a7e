/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

/**
 * Bounds the decoder enforces before allocating anything. Allocation is also bounded by the input: a declared
 * size is checked against the bytes that remain before any array or list is sized.
 *
 * @param maxDepth        deepest node nesting accepted (the top node is depth 1)
 * @param maxListSize     most entries in one child list
 * @param maxBinaryLength longest BINARY_* value in bytes (at most the 16 MiB frame cap)
 * @param maxNodes        most nodes in one decoded tree
 */
public record DecoderLimits(int maxDepth, int maxListSize, int maxBinaryLength, int maxNodes) {
    /** The frame cap: a 3-byte frame length cannot exceed it (§2.3). */
    public static final int FRAME_CAP = 16 * 1024 * 1024;

    /** Depth 64, 65,535 list entries, 16 MiB binaries, 1,000,000 nodes. */
    public static final DecoderLimits DEFAULT = new DecoderLimits(64, 65_535, FRAME_CAP, 1_000_000);

    public DecoderLimits {
        if (maxDepth < 1 || maxListSize < 0 || maxBinaryLength < 0 || maxBinaryLength > FRAME_CAP || maxNodes < 1) {
            throw new IllegalArgumentException("invalid decoder limits");
        }
    }
}
