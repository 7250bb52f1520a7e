/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import org.signal.libsignal.protocol.InvalidKeyException;
import org.signal.libsignal.protocol.ecc.ECPrivateKey;
import org.signal.libsignal.protocol.ecc.ECPublicKey;
import org.wabridge.core.noise.X25519Engine;

/**
 * libsignal's native Curve25519 behind wa-core's {@link X25519Engine}, to measure what a wa-signal adapter
 * would gain. Benchmark-only: the production adapter belongs in wa-signal.
 */
final class LibsignalX25519Engine implements X25519Engine {
    @Override
    public byte[] publicKey(byte[] clampedPrivateKey) {
        try {
            return new ECPrivateKey(clampedPrivateKey).publicKey().getPublicKeyBytes();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("invalid private key", e);
        }
    }

    @Override
    public byte[] sharedSecret(byte[] clampedPrivateKey, byte[] peerPublicKey) {
        try {
            return new ECPrivateKey(clampedPrivateKey).calculateAgreement(ECPublicKey.fromPublicKeyBytes(peerPublicKey));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("invalid key", e);
        }
    }
}
