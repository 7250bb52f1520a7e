/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.cert.TrustAnchor;

class TrustAnchorFileTest {

    @TempDir
    Path dir;

    @Test
    void readsTheKeyAndSerialTheEmulatorWrites() throws Exception {
        Path file = dir.resolve("anchor.txt");
        // 32 bytes 0x01..0x20, serial 0 (the form "<hex key> <serial>\n")
        Files.writeString(file, "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20 0\n");
        TrustAnchor anchor = TrustAnchorFile.read(file);
        byte[] expected = new byte[32];
        for (int i = 0; i < 32; i++) {
            expected[i] = (byte) (i + 1);
        }
        assertArrayEquals(expected, anchor.rootPublicKey());
        assertEquals(0, anchor.rootSerial());
    }

    @Test
    void aMissingOrMalformedFileIsATypedErrorNamingTheFile() throws Exception {
        Path missing = dir.resolve("missing.txt");
        EngineSetupException e = assertThrows(EngineSetupException.class, () -> TrustAnchorFile.read(missing));
        assertTrue(e.getMessage().contains("missing.txt"), e.getMessage());

        Path shortKey = dir.resolve("short.txt");
        Files.writeString(shortKey, "0102 0\n");
        assertThrows(EngineSetupException.class, () -> TrustAnchorFile.read(shortKey));
        Path noSerial = dir.resolve("noserial.txt");
        Files.writeString(noSerial, "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20\n");
        assertThrows(EngineSetupException.class, () -> TrustAnchorFile.read(noSerial));
    }
}
