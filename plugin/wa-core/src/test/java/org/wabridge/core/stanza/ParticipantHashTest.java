/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wabridge.core.jid.WaJid;

/** Participant hash per whatsapp-protocol.md §5.2. */
class ParticipantHashTest {
    private static final WaJid BOB = WaJid.phone("491701234567");
    private static final WaJid LID_3 = WaJid.of("123456789012345", 3, WaJid.LID_SERVER);

    @Test
    void goldenHashIsOrderIndependent() {
        // Expected value computed independently with Python: sorted AD strings
        // ['123456789012345.1:3@lid', '491701234567.0:0@s.whatsapp.net', '491701234567.0:7@s.whatsapp.net'],
        // '2:' + base64(sha256(''.join(...)).digest()[:6]) without '='
        assertEquals("2:Xz8/8uN8", ParticipantHash.of(List.of(BOB.withDevice(7), BOB, LID_3)));
        assertEquals("2:Xz8/8uN8", ParticipantHash.of(List.of(LID_3, BOB.withDevice(7), BOB)));
    }

    @Test
    void differentListsDiffer() {
        assertNotEquals(ParticipantHash.of(List.of(BOB)), ParticipantHash.of(List.of(BOB, BOB.withDevice(7))));
    }
}
