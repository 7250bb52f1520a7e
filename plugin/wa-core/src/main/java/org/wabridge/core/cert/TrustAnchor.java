/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.cert;

import java.util.HexFormat;

/**
 * The configured root the server's chain must lead to: a 32-byte Curve25519 public key and the serial that
 * the intermediate names as its issuer (WhatsApp's own root has serial 0, whatsapp-protocol.md §2.7).
 */
public record TrustAnchor(byte[] rootPublicKey, int rootSerial) {
    public TrustAnchor {
        if (rootPublicKey == null || rootPublicKey.length != XEdDsa.PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("root public key must be 32 bytes (Curve25519)");
        }
        rootPublicKey = rootPublicKey.clone();
    }

    /** Parses the hex form an administrator puts in a setting. */
    public static TrustAnchor ofHex(String hex, int rootSerial) {
        return new TrustAnchor(HexFormat.of().parseHex(hex.strip()), rootSerial);
    }

    @Override
    public byte[] rootPublicKey() {
        return rootPublicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustAnchor other && other.rootSerial == rootSerial
                && java.util.Arrays.equals(other.rootPublicKey, rootPublicKey);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(rootPublicKey) * 31 + rootSerial;
    }

    @Override
    public String toString() {
        return "TrustAnchor[" + HexFormat.of().formatHex(rootPublicKey) + ", serial=" + rootSerial + "]";
    }
}
