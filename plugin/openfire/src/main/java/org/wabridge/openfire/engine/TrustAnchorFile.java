/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.wabridge.core.cert.TrustAnchor;

/**
 * Reads the server trust anchor from its file: the root's Curve25519 public key in hex, a space and the
 * root's serial (the form the emulator writes to {@code wa-emulator-trust-anchor.txt}).
 */
public final class TrustAnchorFile {

    private TrustAnchorFile() {
    }

    /** @throws EngineSetupException if the file cannot be read or does not hold a key and a serial */
    public static TrustAnchor read(Path file) throws EngineSetupException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new EngineSetupException("cannot read the trust anchor file " + file + ": " + e.getMessage(), e);
        }
        String[] parts = text.split("\\s+");
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected '<hex key> <serial>'");
            }
            return TrustAnchor.ofHex(parts[0], Integer.parseInt(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new EngineSetupException("the trust anchor file " + file + " is not '<64 hex digits> <serial>': "
                    + e.getMessage(), e);
        }
    }
}
