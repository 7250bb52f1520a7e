/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamedThreadFactoryTest {

    @Test
    void threadsCarryThePluginPrefixThePurposeAndACounterAndAreDaemons() {
        NamedThreadFactory factory = new NamedThreadFactory("settings");

        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });

        assertEquals("whatsapp-settings-1", first.getName());
        assertEquals("whatsapp-settings-2", second.getName());
        assertTrue(first.isDaemon());
    }

    @Test
    void aBlankPurposeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NamedThreadFactory(" "));
    }
}
