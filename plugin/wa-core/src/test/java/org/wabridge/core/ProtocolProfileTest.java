/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The documented defaults of the [UNKNOWN]-driven settings, and their bounds. */
class ProtocolProfileTest {

    @Test
    void defaultsFollowTheWebMultiDeviceClient() {
        ProtocolProfile p = ProtocolProfile.defaults();
        assertArrayEquals(new byte[] {0x57, 0x41, 0x06, 0x03}, p.header()); // §2.2: WA 06 03
        assertFalse(p.sendEdgeRouting());
        assertFalse(p.compressOutput());
        assertEquals((1 << 24) - 1, p.maxFrameSize()); // §1.7: below 16 MiB
        assertEquals(Duration.ofSeconds(20), p.handshakeTimeout()); // §2.5: whatsmeow's 20 s
    }

    @Test
    void outOfRangeValuesAreRejected() {
        ProtocolProfile p = ProtocolProfile.defaults();
        assertThrows(IllegalArgumentException.class, () -> p.withMaxFrameSize(1 << 24));
        assertThrows(IllegalArgumentException.class, () -> p.withMaxFrameSize(0));
        assertThrows(IllegalArgumentException.class, () -> p.withHandshakeTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new ProtocolProfile(256, 3, false, false, "default", 100, Duration.ofSeconds(1)));
    }
}
