/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.Arrays;

/**
 * A Curve25519 identity key pair as raw 32-byte keys (public key without the 0x05 type prefix, as on the wire,
 * whatsapp-protocol.md §5.3). {@link #toString()} never shows the private key.
 */
public record IdentityKeyPair(byte[] publicKey, byte[] privateKey) {

    public static final int KEY_LENGTH = 32;

    public IdentityKeyPair {
        publicKey = Bytes.copyOfLength(publicKey, KEY_LENGTH, "identity public key");
        privateKey = Bytes.copyOfLength(privateKey, KEY_LENGTH, "identity private key");
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] privateKey() {
        return privateKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityKeyPair that
                && Arrays.equals(publicKey, that.publicKey) && Arrays.equals(privateKey, that.privateKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "IdentityKeyPair[public=" + Hex.of(publicKey) + ", private=<redacted>]";
    }
}
