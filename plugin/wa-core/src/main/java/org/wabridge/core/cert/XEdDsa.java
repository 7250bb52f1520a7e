/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.cert;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;

/**
 * Verification of XEdDSA signatures over Curve25519 public keys in the form libsignal produces (64 bytes,
 * the sign of the Edwards x-coordinate carried in the top bit of byte 63), using only the JDK's Ed25519:
 * the Montgomery u becomes the Edwards y = (u − 1)/(u + 1), the sign bit comes from the signature, and
 * the rest is a standard Ed25519 verification of {@code R || s}.
 */
public final class XEdDsa {
    public static final int SIGNATURE_SIZE = 64;
    public static final int PUBLIC_KEY_SIZE = 32;

    private XEdDsa() {
    }

    /** True when {@code signature} is a valid XEdDSA signature of {@code message} by {@code curve25519PublicKey}. */
    public static boolean verify(byte[] curve25519PublicKey, byte[] message, byte[] signature) {
        if (curve25519PublicKey == null || curve25519PublicKey.length != PUBLIC_KEY_SIZE
                || signature == null || signature.length != SIGNATURE_SIZE || message == null) {
            return false;
        }
        BigInteger y = Curve25519Field.edwardsYFromMontgomery(curve25519PublicKey);
        if (y == null) {
            return false;
        }
        boolean xOdd = (signature[63] & 0x80) != 0;
        byte[] standard = signature.clone();
        standard[63] &= 0x7F;
        if ((standard[63] & 0xE0) != 0) {
            return false; // s must be below 2^253, as libsignal also requires
        }
        try {
            PublicKey edKey = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, y)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(edKey);
            verifier.update(message);
            return verifier.verify(standard);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a y with no matching x, or a malformed R: not a valid signature
            return false;
        }
    }
}
