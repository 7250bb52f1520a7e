/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of decrypting a {@code pkmsg}, {@code msg} or {@code skmsg}. The plaintext is still padded
 * (whatsapp-protocol.md §6.5); unpadding belongs to the message layer.
 *
 * @param plaintext      the decrypted bytes
 * @param kind           the kind of the ciphertext that was decrypted
 * @param identityChange present when a {@code pkmsg} carried an identity key different from the stored one
 */
public record DecryptedMessage(byte[] plaintext, CiphertextKind kind, Optional<IdentityChange> identityChange) {

    public DecryptedMessage {
        plaintext = Bytes.copyOf(plaintext, "plaintext");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(identityChange, "identityChange");
    }

    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecryptedMessage that && kind == that.kind
                && Arrays.equals(plaintext, that.plaintext) && identityChange.equals(that.identityChange);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(plaintext);
    }

    /** Never shows the plaintext: it is a message body. */
    @Override
    public String toString() {
        return "DecryptedMessage[" + kind.wireName() + ", " + plaintext.length + " bytes"
                + identityChange.map(c -> ", identity changed").orElse("") + "]";
    }
}
