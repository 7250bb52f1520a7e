/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.Arrays;

/**
 * The public part of a signed prekey, as in {@code <skey><id/><value/><signature/></skey>}
 * (whatsapp-protocol.md §5.3).
 *
 * @param id        prekey id (3 bytes on the wire)
 * @param publicKey raw 32-byte Curve25519 public key (no 0x05 prefix)
 * @param signature 64-byte XEdDSA signature by the identity key over {@code 0x05 || publicKey}
 */
public record SignedPreKey(int id, byte[] publicKey, byte[] signature) {

    public static final int SIGNATURE_LENGTH = 64;

    public SignedPreKey {
        OneTimePreKey.checkId(id);
        publicKey = Bytes.copyOfLength(publicKey, IdentityKeyPair.KEY_LENGTH, "signed prekey public key");
        signature = Bytes.copyOfLength(signature, SIGNATURE_LENGTH, "signed prekey signature");
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedPreKey that && id == that.id
                && Arrays.equals(publicKey, that.publicKey) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "SignedPreKey[id=" + id + ", publicKey=" + Hex.of(publicKey) + "]";
    }
}
