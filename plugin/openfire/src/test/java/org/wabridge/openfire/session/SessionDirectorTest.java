/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.session;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.LifecycleMode;
import org.wabridge.core.client.WaEvent;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.testing.scripted.ScriptedAccountFactory;
import org.xmpp.packet.JID;

/** Client events become lifecycle calls, also when a client leaves before its registration lookup ran. */
class SessionDirectorTest {

    private static final JID PHONE = new JID("alice@example.org/phone");
    private static final JID LAPTOP = new JID("alice@example.org/laptop");

    /** The director's pool, run by hand: lookups wait until the test says so. */
    private final Queue<Runnable> lookups = new ArrayDeque<>();
    private final Set<JID> connected = ConcurrentHashMap.newKeySet();
    private final ManualTime.ManualTimer timer = new ManualTime.ManualTimer();
    private final ManualTime.ManualClock clock = new ManualTime.ManualClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final ScriptedAccountFactory engine = new ScriptedAccountFactory();
    private final Registration alice = new Registration("alice", "+4930123456", "v", Instant.EPOCH,
            Registration.State.LINKED, Instant.EPOCH);
    private final SessionRegistry sessions = new SessionRegistry(r -> new AccountSession(r,
            new JID("alice@example.org"), engine, LifecycleMode.FOLLOW_CLIENT, Runnable::run, timer,
            clock, new AccountSession.Listener() {
                @Override
                public void onEvent(AccountSession s, WaEvent e) {
                }

                @Override
                public void onState(AccountSession s, EngineState st) {
                }
            }));
    private final SessionDirector director = new SessionDirector(sessions,
            username -> "alice".equals(username) ? Optional.of(alice) : Optional.empty(), lookups::add,
            "example.org", connected::contains);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private void online(JID client) {
        connected.add(client);
        director.clientOnline(client, "192.0.2.7");
    }

    private void offline(JID client) {
        connected.remove(client);
        director.clientOffline(client);
    }

    private void runLookups() {
        while (!lookups.isEmpty()) {
            lookups.poll().run();
        }
    }

    @Test
    void theFirstClientOpensTheSession() {
        online(PHONE);
        runLookups();

        assertTrue(sessions.find("alice").orElseThrow().wantsOpen());
        assertEquals(List.of("connect 192.0.2.7"), engine.account("alice").orElseThrow().calls());
    }

    @Test
    void aClientThatLeftBeforeItsLookupRanLeavesNoSessionOpen() {
        online(PHONE);
        offline(PHONE); // no session yet: this event alone cannot close anything
        runLookups();

        assertEquals(1, timer.due.size(), "the close waits for the grace");
        clock.advance(AccountSession.CLOSE_GRACE);
        timer.due.get(0).run();
        assertFalse(sessions.find("alice").orElseThrow().wantsOpen());
        assertEquals(List.of("connect 192.0.2.7", "disconnect"), engine.account("alice").orElseThrow().calls());
    }

    @Test
    void aClientStillThereAfterItsLookupKeepsTheSessionWhenAnotherLeftEarly() {
        online(LAPTOP);
        online(PHONE);
        offline(PHONE);
        runLookups();

        assertTrue(sessions.find("alice").orElseThrow().wantsOpen());
        assertEquals(List.of(), timer.due, "no close: the laptop is still online");
    }

    @Test
    void clientsOfOtherDomainsAndUnregisteredUsersAreIgnored() {
        director.clientOnline(new JID("alice@elsewhere.example/phone"), "192.0.2.7");
        director.clientOnline(new JID("bob@example.org/phone"), "192.0.2.7");
        runLookups();

        assertEquals(Optional.empty(), sessions.find("alice"));
        assertEquals(Optional.empty(), sessions.find("bob"));
    }

    @Test
    void aClientComingOnlineWhileTheWiringIsReplacedDoesNotFailOpenfiresPresenceHandling() {
        // the pool of a wiring being detached refuses work; Openfire's presence handler is the caller
        SessionDirector stopping = new SessionDirector(sessions, username -> Optional.of(alice), task -> {
            throw new RejectedExecutionException("shutting down");
        }, "example.org", connected::contains);

        assertDoesNotThrow(() -> stopping.clientOnline(PHONE, "192.0.2.7"));
        assertEquals(Optional.empty(), sessions.find("alice"), "left to the next wiring, which opens it at start");
    }

    @Test
    void aSessionOpenedJustAfterItsUserUnregisteredIsRemovedAgain() {
        // the lookup still sees the registration; by the time the session is open the removal has run
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        SessionDirector racing = new SessionDirector(sessions,
                username -> lookups.incrementAndGet() == 1 ? Optional.of(alice) : Optional.empty(), Runnable::run,
                "example.org", connected::contains);
        connected.add(PHONE);

        racing.clientOnline(PHONE, "192.0.2.7");

        assertEquals(Optional.empty(), sessions.find("alice"), "no session outlives its registration");
    }
}
