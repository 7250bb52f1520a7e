/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import java.nio.charset.StandardCharsets;

import org.signal.libsignal.protocol.IdentityKeyPair;

/**
 * Start-up self-check of libsignal-client: proves that its native library is loaded and usable in the
 * calling class loader by generating an identity key pair and verifying a signature made with it.
 *
 * <p>libsignal loads its JNI library on first use. A JVM refuses to bind the same native library to a
 * second class loader, so after a plugin reload this check is where such a failure shows up: as a
 * {@link LinkageError} (usually {@link UnsatisfiedLinkError}), which callers must be ready to catch.
 */
public final class LibsignalProbe {

    private static final byte[] PROBE_MESSAGE = "wabridge libsignal probe".getBytes(StandardCharsets.US_ASCII);

    private LibsignalProbe() {
    }

    /**
     * Runs the check on the calling thread.
     *
     * @return a short human-readable description of what was verified
     * @throws LinkageError if the native library cannot be loaded or linked in this class loader
     * @throws IllegalStateException if the library loaded but produced an invalid signature
     */
    public static String run() {
        IdentityKeyPair pair = IdentityKeyPair.generate();
        byte[] signature = pair.getPrivateKey().calculateSignature(PROBE_MESSAGE);
        if (!pair.getPublicKey().getPublicKey().verifySignature(PROBE_MESSAGE, signature)) {
            throw new IllegalStateException("libsignal produced a signature that its own public key rejects");
        }
        return "libsignal-client native library loaded; identity key generation and XEdDSA signature verified";
    }
}
