/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.Arrays;

/**
 * The public part of a one-time prekey, as in {@code <key><id/><value/></key>} (whatsapp-protocol.md §5.3).
 *
 * @param id        prekey id; WhatsApp sends it as 3 bytes big-endian, so at most {@link #MAX_ID}
 * @param publicKey raw 32-byte Curve25519 public key (no 0x05 prefix)
 */
public record OneTimePreKey(int id, byte[] publicKey) {

    /** Largest id that fits the 3-byte {@code <id>} element. */
    public static final int MAX_ID = 0xFFFFFF;

    public OneTimePreKey {
        checkId(id);
        publicKey = Bytes.copyOfLength(publicKey, IdentityKeyPair.KEY_LENGTH, "prekey public key");
    }

    static void checkId(int id) {
        if (id < 1 || id > MAX_ID) {
            throw new IllegalArgumentException("prekey id out of range 1.." + MAX_ID + ": " + id);
        }
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OneTimePreKey that && id == that.id && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "OneTimePreKey[id=" + id + ", publicKey=" + Hex.of(publicKey) + "]";
    }
}
