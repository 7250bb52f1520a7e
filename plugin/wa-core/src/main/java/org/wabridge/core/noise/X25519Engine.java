/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

/**
 * The X25519 scalar multiplication the handshake runs on. wa-core ships noise-java's
 * ({@link X25519#NOISE_JAVA}); a faster native one (e.g. libsignal's, in wa-signal) can be passed to the
 * handshakers without wa-core depending on it. Implementations must be thread-safe and constant-time.
 */
public interface X25519Engine {

    /** The public u-coordinate for an already clamped 32-byte private scalar. */
    byte[] publicKey(byte[] clampedPrivateKey);

    /** The raw 32-byte shared secret; callers reject an all-zero result. */
    byte[] sharedSecret(byte[] clampedPrivateKey, byte[] peerPublicKey);
}
