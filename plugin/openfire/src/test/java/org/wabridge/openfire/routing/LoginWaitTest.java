/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.wabridge.openfire.routing.OpenfireXmppDelivery.Readiness;

/** A message for a client that is logging in waits for Openfire to make it routable, briefly. */
class LoginWaitTest {

    private final AtomicInteger pauses = new AtomicInteger();

    private boolean await(Readiness... seen) {
        Deque<Readiness> looks = new ArrayDeque<>(List.of(seen));
        return OpenfireXmppDelivery.awaitRoutable(() -> looks.size() > 1 ? looks.poll() : looks.peek(), 5,
                pauses::incrementAndGet);
    }

    @Test
    void aClientBeingInitialisedIsWaitedForUntilItIsRoutable() {
        assertTrue(await(Readiness.LOGGING_IN, Readiness.LOGGING_IN, Readiness.ROUTABLE));
        assertEquals(2, pauses.get());
    }

    @Test
    void anOfflineUserOrARoutableClientIsDecidedAtOnce() {
        assertFalse(await(Readiness.OFFLINE));
        assertTrue(await(Readiness.ROUTABLE));
        assertEquals(0, pauses.get());
    }

    @Test
    void aClientThatStaysInitialisingIsGivenUpOnAfterTheLastLook() {
        assertFalse(await(Readiness.LOGGING_IN));
        assertEquals(4, pauses.get(), "five looks, four pauses between them");
    }
}
