/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.wabridge.core.auth.InMemoryProviderKeyStore;
import org.wabridge.openfire.blocking.InMemoryBlockListStore;
import org.wabridge.openfire.commands.CommandFixture;
import org.wabridge.openfire.ledger.InMemoryMessageLedger;
import org.wabridge.openfire.ledger.LedgerEntry;
import org.wabridge.openfire.ledger.LedgerEntry.Direction;
import org.wabridge.openfire.ledger.MessageState;

/** A registration's end erases the user's ledger rows even when messaging is not wired. */
class RegistrationCleanupTest {

    private static final Instant T = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void theLedgerRowsGoAlsoWhileTheGatewayIsNotRunning() throws Exception {
        CommandFixture f = new CommandFixture();
        InMemoryBlockListStore blocks = new InMemoryBlockListStore();
        GatewayExtras extras = new GatewayExtras(new GatewayExtras.Parts(InMemoryProviderKeyStore::new, blocks,
                (context, path, servlet) -> () -> { }, key -> null), Clock.fixed(T, ZoneOffset.UTC), f.control);
        InMemoryMessageLedger ledger = new InMemoryMessageLedger();
        ledger.insert(LedgerEntry.of("alice", Direction.IN, "491701234567@s.whatsapp.net", "WA1", "WA1",
                MessageState.DELIVERED, T));
        ledger.insert(LedgerEntry.of("bob", Direction.IN, "491701234567@s.whatsapp.net", "WA2", "WA2",
                MessageState.DELIVERED, T));
        blocks.add("alice", "+491701234567", T);

        new RegistrationCleanup(extras, Optional::empty, Optional.empty(), Optional.of(ledger))
                .registrationRemoved("alice");

        assertTrue(ledger.findByXmppId("alice", "491701234567@s.whatsapp.net", "WA1").isEmpty());
        assertTrue(ledger.findByXmppId("bob", "491701234567@s.whatsapp.net", "WA2").isPresent(), "only alice's");
        assertEquals(0, blocks.list("alice").size(), "and the block list");
    }
}
