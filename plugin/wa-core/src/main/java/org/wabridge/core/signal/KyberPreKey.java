/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.Arrays;

/**
 * The public part of a Kyber (ML-KEM/Kyber-1024) prekey used by PQXDH. WhatsApp's consumer protocol does not
 * carry Kyber keys today (whatsapp-protocol.md §5.3); the port supports them so PQXDH works once a peer offers one.
 *
 * @param id        prekey id
 * @param publicKey the serialized KEM public key including its one-byte key-type prefix
 * @param signature 64-byte XEdDSA signature by the identity key over {@code publicKey}
 */
public record KyberPreKey(int id, byte[] publicKey, byte[] signature) {

    public KyberPreKey {
        OneTimePreKey.checkId(id);
        publicKey = Bytes.copyOf(publicKey, "Kyber public key");
        if (publicKey.length == 0) {
            throw new IllegalArgumentException("Kyber public key must not be empty");
        }
        signature = Bytes.copyOfLength(signature, SignedPreKey.SIGNATURE_LENGTH, "Kyber prekey signature");
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
        return other instanceof KyberPreKey that && id == that.id
                && Arrays.equals(publicKey, that.publicKey) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "KyberPreKey[id=" + id + ", " + publicKey.length + " bytes]";
    }
}
