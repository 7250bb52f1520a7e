/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import java.util.Arrays;

/**
 * PKCS#8 bytes of a provider private key. {@code toString()} is redacted so the key cannot leak through a log
 * line or an exception message; equality compares contents.
 */
public final class PrivateKeyMaterial {
    private final byte[] pkcs8;

    public PrivateKeyMaterial(byte[] pkcs8) {
        if (pkcs8 == null || pkcs8.length == 0) {
            throw new IllegalArgumentException("private key material is empty");
        }
        this.pkcs8 = pkcs8.clone();
    }

    /** A copy of the PKCS#8 encoding; callers must not log it. */
    public byte[] pkcs8() {
        return pkcs8.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrivateKeyMaterial && Arrays.equals(pkcs8, ((PrivateKeyMaterial) o).pkcs8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pkcs8);
    }

    @Override
    public String toString() {
        return "PrivateKeyMaterial[redacted]";
    }
}
