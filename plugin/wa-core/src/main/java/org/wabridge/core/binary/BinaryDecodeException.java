/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.binary;

/** Malformed binary XML or frame wrapper; the message says what was wrong and at which byte offset. */
public final class BinaryDecodeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public BinaryDecodeException(String problem, int offset) {
        super(problem + " at byte offset " + offset);
        this.offset = offset;
    }

    public BinaryDecodeException(String problem, int offset, Throwable cause) {
        super(problem + " at byte offset " + offset, cause);
        this.offset = offset;
    }

    /** Offset of the offending byte in the decoded input (for frames: in the frame, flags byte = 0). */
    public int offset() {
        return offset;
    }
}
