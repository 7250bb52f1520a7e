/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.cert;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;

/**
 * A certificate signing key for the emulator and tests: a JDK Ed25519 key pair whose public key is
 * published in Montgomery (Curve25519) form, u = (1 + y)/(1 − y). An Ed25519 signature with the public
 * key's x-sign bit moved into the top bit of byte 63 is then a valid XEdDSA signature for that Curve25519
 * key, as libsignal checks it (XeddsaCompatibilityTest in wa-signal proves it).
 */
public final class XEdDsaSigner {
    private final PrivateKey privateKey;
    private final byte[] curve25519PublicKey;
    private final boolean xOdd;

    private XEdDsaSigner(KeyPair pair) {
        EdECPublicKey pub = (EdECPublicKey) pair.getPublic();
        this.privateKey = pair.getPrivate();
        this.curve25519PublicKey = Curve25519Field.montgomeryFromEdwardsY(pub.getPoint().getY());
        this.xOdd = pub.getPoint().isXOdd();
    }

    public static XEdDsaSigner generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, random);
            return new XEdDsaSigner(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    /** A signer from a stored 32-byte Ed25519 seed (e.g. the emulator's persistent root). */
    public static XEdDsaSigner fromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes");
        }
        return generate(new FixedSeedRandom(seed.clone()));
    }

    /** The public key as a 32-byte Curve25519 u-coordinate, the form certificates and trust anchors use. */
    public byte[] curve25519PublicKey() {
        return curve25519PublicKey.clone();
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            byte[] signature = signer.sign();
            if (xOdd) {
                signature[63] |= (byte) 0x80;
            }
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "XEdDsaSigner[public=" + java.util.HexFormat.of().formatHex(curve25519PublicKey) + "]";
    }

    /** Hands the JDK generator exactly the stored seed as its private key bytes. */
    private static final class FixedSeedRandom extends SecureRandom {
        private final byte[] seed;

        FixedSeedRandom(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
