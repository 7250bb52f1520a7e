/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.cert;

import java.math.BigInteger;

/**
 * The birational map between Curve25519 (Montgomery u) and edwards25519 (y) over GF(2^255 − 19):
 * y = (u − 1)/(u + 1) and u = (1 + y)/(1 − y). Only public keys pass through here, so plain
 * (variable-time) BigInteger arithmetic is fine.
 */
final class Curve25519Field {
    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    private Curve25519Field() {
    }

    /** Edwards y for a Montgomery u (little-endian, top bit ignored as RFC 7748 says); null if u = −1. */
    static BigInteger edwardsYFromMontgomery(byte[] u32) {
        BigInteger u = fromLittleEndian(u32).clearBit(255).mod(P);
        BigInteger denominator = u.add(BigInteger.ONE).mod(P);
        if (denominator.signum() == 0) {
            return null;
        }
        return u.subtract(BigInteger.ONE).multiply(denominator.modInverse(P)).mod(P);
    }

    /** Montgomery u (32 bytes little-endian) for an Edwards y; y = 1 (the neutral point) has none. */
    static byte[] montgomeryFromEdwardsY(BigInteger y) {
        BigInteger denominator = BigInteger.ONE.subtract(y).mod(P);
        if (denominator.signum() == 0) {
            throw new IllegalArgumentException("the neutral point has no Montgomery form");
        }
        BigInteger u = BigInteger.ONE.add(y).multiply(denominator.modInverse(P)).mod(P);
        return toLittleEndian32(u);
    }

    static BigInteger fromLittleEndian(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[le.length - 1 - i] = le[i];
        }
        return new BigInteger(1, be);
    }

    static byte[] toLittleEndian32(BigInteger value) {
        byte[] be = value.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }
}
