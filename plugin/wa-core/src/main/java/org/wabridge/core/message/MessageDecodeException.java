/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

/** Decrypted, unpadded bytes that are not a {@code Message} protobuf (the receiver nacks with 491). */
public final class MessageDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int length;

    public MessageDecodeException(int length, Throwable cause) {
        super("not a WhatsApp Message protobuf (" + length + " bytes): " + cause.getMessage(), cause);
        this.length = length;
    }

    public int length() {
        return length;
    }
}
