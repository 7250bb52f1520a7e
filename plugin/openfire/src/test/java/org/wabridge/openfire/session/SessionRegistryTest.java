/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.LifecycleMode;
import org.wabridge.core.client.WaEvent;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.testing.scripted.ScriptedAccountFactory;
import org.xmpp.packet.JID;

/** A session made while all sessions are being closed (a factory swap) does not survive it. */
class SessionRegistryTest {

    private final ManualTime.ManualTimer timer = new ManualTime.ManualTimer();
    private final ManualTime.ManualClock clock = new ManualTime.ManualClock(Instant.parse("2026-12-07T12:00:00Z"));
    private final ScriptedAccountFactory engine = new ScriptedAccountFactory();
    private final Registration alice = new Registration("alice", "+4930123456", "v", Instant.EPOCH,
            Registration.State.LINKED, Instant.EPOCH);
    private final List<AccountSession> made = new ArrayList<>();
    private SessionRegistry registry;

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private AccountSession session(Registration r) {
        AccountSession s = new AccountSession(r, new JID("alice@example.org"), engine, LifecycleMode.ALWAYS_ON,
                Runnable::run, timer, clock, new AccountSession.Listener() {
                    @Override
                    public void onEvent(AccountSession session, WaEvent e) {
                    }

                    @Override
                    public void onState(AccountSession session, EngineState st) {
                    }
                });
        made.add(s);
        return s;
    }

    @Test
    void aSessionMadeWhileAllAreClosedIsReplacedByOneOfTheNewGeneration() {
        registry = new SessionRegistry(r -> {
            AccountSession s = session(r);
            if (made.size() == 1) {
                registry.closeAll(); // the factory swap runs while the first session is being made
            }
            return s;
        });

        AccountSession opened = registry.open(alice);

        assertEquals(2, made.size(), "the session made during the swap was redone");
        assertSame(made.get(1), opened);
        assertSame(opened, registry.find("alice").orElseThrow());
        assertTrue(engine.connected("alice"), "the new one is started (always-on)");
    }
}
