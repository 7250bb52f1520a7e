/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import org.signal.libsignal.protocol.InvalidKeyException;
import org.signal.libsignal.protocol.ecc.ECPrivateKey;
import org.signal.libsignal.protocol.ecc.ECPublicKey;
import org.wabridge.core.noise.X25519Engine;

/**
 * libsignal's native Curve25519 behind wa-core's {@link X25519Engine}. The bridge and the emulator pass it to
 * the Noise handshakers: BENCHMARKS.md ("Noise and transport") measured it about 5x faster per agreement than
 * noise-java's pure-Java curve and about 2.5x faster than the JDK's XDH, and wa-core cannot use it directly
 * because only wa-signal may touch libsignal. Stateless and thread-safe.
 */
public final class LibsignalX25519Engine implements X25519Engine {

    /** The shared instance; the class holds no state. */
    public static final LibsignalX25519Engine INSTANCE = new LibsignalX25519Engine();

    private LibsignalX25519Engine() {
    }

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
