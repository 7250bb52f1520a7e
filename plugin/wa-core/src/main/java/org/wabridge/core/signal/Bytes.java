/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.Objects;

/** Defensive-copy and length checks shared by the value records of this package. */
final class Bytes {

    private Bytes() {
    }

    static byte[] copyOf(byte[] value, String what) {
        return Objects.requireNonNull(value, what).clone();
    }

    static byte[] copyOfLength(byte[] value, int length, String what) {
        byte[] copy = copyOf(value, what);
        if (copy.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + copy.length);
        }
        return copy;
    }
}
