/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Signal ciphertext ready for an {@code <enc type=kind.wireName()>} element.
 *
 * @param kind       {@link CiphertextKind#PKMSG} while the session is not yet acknowledged by the peer, then
 *                   {@link CiphertextKind#MSG}; {@link CiphertextKind#SKMSG} for group messages
 * @param ciphertext the serialized Signal message
 */
public record EncryptedMessage(CiphertextKind kind, byte[] ciphertext) {

    public EncryptedMessage {
        Objects.requireNonNull(kind, "kind");
        ciphertext = Bytes.copyOf(ciphertext, "ciphertext");
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedMessage that && kind == that.kind
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "EncryptedMessage[" + kind.wireName() + ", " + ciphertext.length + " bytes]";
    }
}
