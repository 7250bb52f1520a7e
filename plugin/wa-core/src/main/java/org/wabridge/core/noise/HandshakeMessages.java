/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.wabridge.core.noise.HandshakeException.Step;
import org.wabridge.core.proto.HandshakeProtos.HandshakeMessage;

/** Parsing of handshake frames with typed errors: the message must be there and each key exactly 32 bytes. */
final class HandshakeMessages {
    static final int ENCRYPTED_KEY_SIZE = X25519.KEY_SIZE + NoisePrimitives.TAG_SIZE;

    private HandshakeMessages() {
    }

    static HandshakeMessage parse(byte[] frame, Step step) throws HandshakeException {
        try {
            return HandshakeMessage.parseFrom(frame);
        } catch (InvalidProtocolBufferException e) {
            throw new HandshakeException(step, "frame is not a HandshakeMessage protobuf (" + frame.length + " bytes)", e);
        }
    }

    static byte[] exactly(boolean present, ByteString value, int size, String field, Step step)
            throws HandshakeException {
        if (!present) {
            throw new HandshakeException(step, field + " is missing");
        }
        if (value.size() != size) {
            throw new HandshakeException(step, field + " is " + value.size() + " bytes, expected " + size);
        }
        return value.toByteArray();
    }
}
