/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

/** A decrypted payload whose random padding (whatsapp-protocol.md §6.5) is not well formed. */
public final class PaddingException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Which padding rule was broken. */
    public enum Reason {
        EMPTY_INPUT, ZERO_PAD_LENGTH, PAD_LONGER_THAN_INPUT, INCONSISTENT_PAD_BYTES
    }

    private final Reason reason;
    private final int inputLength;
    private final int padLength;

    PaddingException(Reason reason, int inputLength, int padLength) {
        super("bad message padding: " + reason + " (input " + inputLength + " bytes, pad length byte " + padLength + ")");
        this.reason = reason;
        this.inputLength = inputLength;
        this.padLength = padLength;
    }

    public Reason reason() {
        return reason;
    }

    public int inputLength() {
        return inputLength;
    }

    /** The value of the last byte, i.e. the claimed pad length. */
    public int padLength() {
        return padLength;
    }
}
