/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

/**
 * Per-connection memory bounds of the push transports. Reading pauses once {@code inboundFrames} frames or
 * {@code inboundBytes} bytes wait unprocessed and resumes below half of both; a send that would queue more
 * than {@code writeQueueBytes} unsent bytes fails with {@link WriteQueueFullException}.
 */
public record FlowLimits(int inboundFrames, long inboundBytes, long writeQueueBytes) {
    public FlowLimits {
        if (inboundFrames < 2 || inboundBytes < 2 || writeQueueBytes < 1) {
            throw new IllegalArgumentException("flow limits must be positive (inbound at least 2)");
        }
    }

    /** 256 frames or 4 MiB waiting to be processed, 4 MiB waiting to be written. */
    public static FlowLimits defaults() {
        return new FlowLimits(256, 4L << 20, 4L << 20);
    }
}
