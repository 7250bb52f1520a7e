/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import com.southernstorm.noise.crypto.Curve25519;
import java.security.SecureRandom;

/**
 * X25519 (RFC 7748) on noise-java's constant-time Curve25519, working directly on 32-byte arrays. The team
 * keeps the JDK's SunEC {@code XDH} off the handshake path and libsignal out of wa-core; BENCHMARKS.md
 * ("Noise and transport") records how noise-java compares with both. X25519 runs only during handshakes
 * (seven scalar multiplications per connection), never per frame.
 */
public final class X25519 {
    public static final int KEY_SIZE = 32;

    /** noise-java's Curve25519: pure Java, constant-time, the default engine. */
    public static final X25519Engine NOISE_JAVA = new X25519Engine() {
        @Override
        public byte[] publicKey(byte[] clampedPrivateKey) {
            byte[] pub = new byte[KEY_SIZE];
            Curve25519.eval(pub, 0, clampedPrivateKey, null);
            return pub;
        }

        @Override
        public byte[] sharedSecret(byte[] clampedPrivateKey, byte[] peerPublicKey) {
            byte[] shared = new byte[KEY_SIZE];
            Curve25519.eval(shared, 0, clampedPrivateKey, peerPublicKey);
            return shared;
        }

        @Override
        public String toString() {
            return "noise-java Curve25519";
        }
    };

    private X25519() {
    }

    /** Clamps a scalar in place as RFC 7748 §5 prescribes and returns it. */
    public static byte[] clamp(byte[] scalar) {
        requireKeySize(scalar, "private key");
        scalar[0] &= (byte) 248;
        scalar[31] &= 127;
        scalar[31] |= 64;
        return scalar;
    }

    public static X25519KeyPair generate(SecureRandom random) {
        return generate(random, NOISE_JAVA);
    }

    public static X25519KeyPair generate(SecureRandom random, X25519Engine engine) {
        byte[] priv = new byte[KEY_SIZE];
        random.nextBytes(priv);
        return fromPrivateKey(priv, engine);
    }

    /** Derives the pair for a given private key (clamped first; the argument is not modified). */
    public static X25519KeyPair fromPrivateKey(byte[] privateKey) {
        return fromPrivateKey(privateKey, NOISE_JAVA);
    }

    public static X25519KeyPair fromPrivateKey(byte[] privateKey, X25519Engine engine) {
        byte[] priv = clamp(privateKey.clone());
        return new X25519KeyPair(priv, engine.publicKey(priv));
    }

    /**
     * The raw shared secret. Throws {@link WeakKeyException} when the result is all zero, which happens
     * only for a small-order peer key: such a key contributes nothing secret and is refused.
     */
    public static byte[] agree(X25519KeyPair own, byte[] peerPublic) throws WeakKeyException {
        return agree(own, peerPublic, NOISE_JAVA);
    }

    public static byte[] agree(X25519KeyPair own, byte[] peerPublic, X25519Engine engine) throws WeakKeyException {
        requireKeySize(peerPublic, "peer public key");
        byte[] shared = engine.sharedSecret(own.privateKeyNoCopy(), peerPublic);
        int acc = 0;
        for (byte b : shared) {
            acc |= b;
        }
        if (acc == 0) {
            throw new WeakKeyException("peer public key has small order (all-zero shared secret)");
        }
        return shared;
    }

    private static void requireKeySize(byte[] key, String what) {
        if (key == null || key.length != KEY_SIZE) {
            throw new IllegalArgumentException(what + " must be " + KEY_SIZE + " bytes, got "
                    + (key == null ? "null" : key.length));
        }
    }

    /** A peer key that yields an all-zero shared secret. */
    public static final class WeakKeyException extends Exception {
        public WeakKeyException(String message) {
            super(message);
        }
    }
}
