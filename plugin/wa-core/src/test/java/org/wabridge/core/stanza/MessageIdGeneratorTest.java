/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Message ids per whatsapp-protocol.md §5.4. */
class MessageIdGeneratorTest {

    @Test
    void goldenId() {
        // Expected value computed independently with Python:
        // hashlib.sha256(struct.pack('>q', 1700000000) + b'491701234567@c.us' + bytes(range(16))).digest()[:9]
        byte[] random = new byte[16];
        for (int i = 0; i < 16; i++) {
            random[i] = (byte) i;
        }
        assertEquals("3EB0BF58E6E6E9E5379AFF", MessageIdGenerator.generate(1_700_000_000L, "491701234567", random));
    }

    @Test
    void usesInjectedClockAndRandomness() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        MessageIdGenerator generator = new MessageIdGenerator(clock, new Random(1));
        String first = generator.next("491701234567");
        String second = generator.next("491701234567");
        assertTrue(first.matches("3EB0[0-9A-F]{18}"), first);
        assertNotEquals(first, second);
        assertEquals(first, new MessageIdGenerator(clock, new Random(1)).next("491701234567"));
    }

    @Test
    void rejectsWrongRandomLength() {
        assertThrows(IllegalArgumentException.class, () -> MessageIdGenerator.generate(1, "u", new byte[15]));
    }
}
