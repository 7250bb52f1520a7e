/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class InteropAccountIdsTest {

    @Test
    void theIdIsStablePositiveAndDiffersBetweenUsers() {
        long alice = InteropAccountIds.of("alice");
        assertEquals(alice, InteropAccountIds.of("alice"));
        assertTrue(alice > 0);
        assertNotEquals(alice, InteropAccountIds.of("alice2"));
        assertEquals(Long.toUnsignedString(alice), InteropAccountIds.signalAccountKey("alice"));
    }

    @Test
    void aThousandUsersGetAThousandIds() {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(InteropAccountIds.of("user" + i));
        }
        assertEquals(1000, ids.size());
    }
}
