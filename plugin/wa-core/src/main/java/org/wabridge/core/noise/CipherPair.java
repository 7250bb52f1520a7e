/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import java.util.Objects;

/** The two transport ciphers of one connection, each with its own counter, as seen from one side. */
public record CipherPair(TransportCipher write, TransportCipher read) {
    public CipherPair {
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(read, "read");
    }
}
