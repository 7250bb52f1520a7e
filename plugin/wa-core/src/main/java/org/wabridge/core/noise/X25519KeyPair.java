/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import java.util.Arrays;

/**
 * An X25519 key pair: a clamped 32-byte private scalar and its 32-byte public u-coordinate. Arrays are
 * copied in and out so a caller cannot change the key behind our back; {@link #toString()} is redacted.
 */
public final class X25519KeyPair {
    private final byte[] privateKey;
    private final byte[] publicKey;

    X25519KeyPair(byte[] privateKey, byte[] publicKey) {
        this.privateKey = privateKey.clone();
        this.publicKey = publicKey.clone();
    }

    /** A copy of the clamped private key; handle with care, never log. */
    public byte[] privateKey() {
        return privateKey.clone();
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    byte[] privateKeyNoCopy() {
        return privateKey;
    }

    byte[] publicKeyNoCopy() {
        return publicKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof X25519KeyPair other && Arrays.equals(publicKey, other.publicKey)
                && java.security.MessageDigest.isEqual(privateKey, other.privateKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "X25519KeyPair[public=" + java.util.HexFormat.of().formatHex(publicKey) + ", private=<redacted>]";
    }
}
