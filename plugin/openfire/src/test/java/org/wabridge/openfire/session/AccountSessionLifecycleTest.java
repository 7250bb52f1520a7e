/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.LifecycleMode;
import org.wabridge.core.client.WaEvent;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.testing.scripted.ScriptedAccountFactory;
import org.xmpp.packet.JID;

/** The session opens with the first client, closes after the last one leaves, and always-on opens at once. */
class AccountSessionLifecycleTest {

    private final ManualTime.ManualTimer timer = new ManualTime.ManualTimer();
    private final ManualTime.ManualClock clock = new ManualTime.ManualClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final ScriptedAccountFactory engine = new ScriptedAccountFactory();
    private final List<EngineState.Phase> states = new CopyOnWriteArrayList<>();
    private final List<WaEvent> events = new CopyOnWriteArrayList<>();
    private final Registration alice = new Registration("alice", "+4930123456", "v", Instant.EPOCH,
            Registration.State.LINKED, Instant.EPOCH);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private AccountSession session(LifecycleMode mode) {
        return new AccountSession(alice, new JID("alice@example.org/x"), engine, mode, Runnable::run, timer,
                clock, new AccountSession.Listener() {
                    @Override
                    public void onEvent(AccountSession s, WaEvent e) {
                        events.add(e);
                    }

                    @Override
                    public void onState(AccountSession s, EngineState st) {
                        states.add(st.phase());
                    }
                });
    }

    @Test
    void followClientOpensWithTheFirstResourceAndClosesAfterTheLastLeaves() {
        AccountSession s = session(LifecycleMode.FOLLOW_CLIENT);
        s.start();
        assertEquals(List.of(), engine.account("alice").orElseThrow().calls(), "no client, no session");

        s.resourceOnline("phone", "192.0.2.7");
        s.resourceOnline("laptop", "192.0.2.8");
        s.resourceOffline("phone");
        assertEquals(List.of("connect 192.0.2.7"), engine.account("alice").orElseThrow().calls());

        s.resourceOffline("laptop");
        assertEquals(1, timer.due.size(), "close waits for the grace period");
        timer.due.get(0).run(); // a timer firing early (clock not yet at the deadline) closes nothing...
        assertEquals(List.of("connect 192.0.2.7"), engine.account("alice").orElseThrow().calls());
        assertEquals(2, timer.due.size(), "...but asks again, or the session would stay open with no client");
        clock.advance(AccountSession.CLOSE_GRACE);
        timer.due.get(1).run();

        assertEquals(List.of("connect 192.0.2.7", "disconnect"), engine.account("alice").orElseThrow().calls());
        assertEquals(EngineState.Phase.STOPPED, states.get(states.size() - 1));
        assertTrue(states.contains(EngineState.Phase.ONLINE));
    }

    @Test
    void aClientThatReturnsWithinTheGraceKeepsTheSessionOpen() {
        AccountSession s = session(LifecycleMode.FOLLOW_CLIENT);
        s.resourceOnline("phone", "192.0.2.7");
        s.resourceOffline("phone");
        s.resourceOnline("phone", "192.0.2.7");
        clock.advance(java.time.Duration.ofSeconds(5));
        timer.due.forEach(Runnable::run);

        assertEquals(List.of("connect 192.0.2.7"), engine.account("alice").orElseThrow().calls());
    }

    @Test
    void alwaysOnOpensAtStartWithoutAClient() {
        AccountSession s = session(LifecycleMode.ALWAYS_ON);
        s.start();
        s.resourceOnline("phone", "192.0.2.7");
        s.resourceOffline("phone");

        assertEquals(List.of("connect " + AccountSession.NO_CLIENT_IP), engine.account("alice").orElseThrow().calls());
    }

    @Test
    void engineEventsReachTheListenerInOrder() {
        AccountSession s = session(LifecycleMode.FOLLOW_CLIENT);
        WaEvent.PresenceChanged a = new WaEvent.PresenceChanged("1@s.whatsapp.net", true, java.util.Optional.empty());
        WaEvent.PresenceChanged b = new WaEvent.PresenceChanged("1@s.whatsapp.net", false, java.util.Optional.empty());
        engine.account("alice").orElseThrow().emit(a);
        engine.account("alice").orElseThrow().emit(b);

        assertEquals(List.of(a, b), events);
        assertEquals("alice", s.username());
    }
}
