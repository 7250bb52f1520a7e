/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.wabridge.openfire.ledger.LedgerEntry.Direction;

/**
 * What every {@link MessageLedger} must do; each implementation's test class extends this and supplies a
 * fresh, empty ledger.
 */
abstract class MessageLedgerContract {

    private static final Instant T1 = Instant.parse("2026-11-23T10:00:00.123456Z");
    private static final Instant T2 = Instant.parse("2026-11-23T10:05:00Z");
    private static final Instant T3 = Instant.parse("2026-11-23T10:06:00Z");
    private static final String BOB = "491701234567@s.whatsapp.net";
    private static final String CAROL = "4930123456@s.whatsapp.net";

    /** @return an empty ledger */
    protected abstract MessageLedger ledger() throws Exception;

    private static LedgerEntry out(String waId, String xmppId, Instant at) {
        return LedgerEntry.of("alice", Direction.OUT, BOB, waId, xmppId, MessageState.QUEUED, at);
    }

    @Test
    void insertsAndFindsByKeyAndXmppIdToTheMillisecond() throws Exception {
        MessageLedger ledger = ledger();
        assertTrue(ledger.insert(out("3EB0A1", "x-1", T1)));

        LedgerEntry expected = new LedgerEntry("alice", Direction.OUT, BOB, "3EB0A1", "x-1", MessageState.QUEUED,
                Optional.empty(), Instant.parse("2026-11-23T10:00:00.123Z"), Instant.parse("2026-11-23T10:00:00.123Z"));
        assertEquals(Optional.of(expected), ledger.find("alice", Direction.OUT, BOB, "3EB0A1"));
        assertEquals(Optional.of(expected), ledger.findByXmppId("alice", BOB, "x-1"));
        assertEquals(Optional.empty(), ledger.find("alice", Direction.IN, BOB, "3EB0A1"), "direction is in the key");
        assertEquals(Optional.empty(), ledger.find("alice", Direction.OUT, CAROL, "3EB0A1"), "peer is in the key");
        assertEquals(Optional.empty(), ledger.findByXmppId("bob", BOB, "x-1"), "ids are per user");
    }

    @Test
    void aSecondInsertOfTheSameKeyIsRefusedAndChangesNothing() throws Exception {
        MessageLedger ledger = ledger();
        LedgerEntry first = LedgerEntry.of("alice", Direction.IN, BOB, "WA1", "WA1", MessageState.QUEUED, T1);
        assertTrue(ledger.insert(first));
        ledger.advance("alice", Direction.IN, BOB, "WA1", MessageState.DELIVERED, Optional.empty(), T2);

        assertFalse(ledger.insert(LedgerEntry.of("alice", Direction.IN, BOB, "WA1", "other", MessageState.QUEUED, T3)));
        LedgerEntry kept = ledger.find("alice", Direction.IN, BOB, "WA1").orElseThrow();
        assertEquals(MessageState.DELIVERED, kept.state());
        assertEquals("WA1", kept.xmppId());
        // the same WhatsApp id from another peer is another message
        assertTrue(ledger.insert(LedgerEntry.of("alice", Direction.IN, CAROL, "WA1", "WA1", MessageState.QUEUED, T3)));
    }

    @Test
    void statesOnlyMoveForwardAndFailureKeepsItsReason() throws Exception {
        MessageLedger ledger = ledger();
        ledger.insert(out("A", "x-a", T1));

        assertTrue(ledger.advance("alice", Direction.OUT, BOB, "A", MessageState.SERVER_ACKED, Optional.empty(), T2));
        assertTrue(ledger.advance("alice", Direction.OUT, BOB, "A", MessageState.READ, Optional.empty(), T3));
        assertFalse(ledger.advance("alice", Direction.OUT, BOB, "A", MessageState.DELIVERED, Optional.empty(), T3),
                "a late delivery receipt must not overwrite read");
        assertFalse(ledger.advance("alice", Direction.OUT, BOB, "A", MessageState.FAILED, Optional.of("x"), T3),
                "an acked message cannot fail afterwards");
        LedgerEntry a = ledger.find("alice", Direction.OUT, BOB, "A").orElseThrow();
        assertEquals(MessageState.READ, a.state());
        assertEquals(T3, a.updated());
        assertEquals(Instant.parse("2026-11-23T10:00:00.123Z"), a.created());

        ledger.insert(out("B", "x-b", T1));
        assertTrue(ledger.advance("alice", Direction.OUT, BOB, "B", MessageState.FAILED,
                Optional.of("not opted in"), T2));
        LedgerEntry b = ledger.find("alice", Direction.OUT, BOB, "B").orElseThrow();
        assertEquals(MessageState.FAILED, b.state());
        assertEquals(Optional.of("not opted in"), b.detail());
        assertFalse(ledger.advance("alice", Direction.OUT, BOB, "B", MessageState.SERVER_ACKED, Optional.empty(), T3),
                "failed is final");
        assertFalse(ledger.advance("alice", Direction.OUT, BOB, "missing", MessageState.READ, Optional.empty(), T3));
    }

    @Test
    void aReusedXmppIdNamesTheNewestRowOfItsChatAndLeavesOtherChatsAlone() throws Exception {
        MessageLedger ledger = ledger();
        ledger.insert(out("OLD", "same", T1));
        ledger.insert(out("NEWER", "same", T2));
        ledger.insert(LedgerEntry.of("alice", Direction.OUT, CAROL, "CAROLS", "same", MessageState.QUEUED, T3));

        assertEquals("NEWER", ledger.findByXmppId("alice", BOB, "same").orElseThrow().waId());
        assertEquals("CAROLS", ledger.findByXmppId("alice", CAROL, "same").orElseThrow().waId(),
                "a client reusing ids across chats (per-session counters) still finds each chat's message");
    }

    @Test
    void unreadUpToListsThePeersDeliveredIncomingMessagesUpToATimeNewestFirst() throws Exception {
        MessageLedger ledger = ledger();
        for (String[] row : new String[][] {{"A", "10:00:00Z"}, {"B", "10:01:00Z"}, {"C", "10:02:00Z"},
                {"D", "10:03:00Z"}}) {
            Instant at = Instant.parse("2026-11-23T" + row[1]);
            ledger.insert(LedgerEntry.of("alice", Direction.IN, BOB, row[0], row[0], MessageState.QUEUED, at));
            ledger.advance("alice", Direction.IN, BOB, row[0], MessageState.DELIVERED, Optional.empty(), at);
        }
        ledger.advance("alice", Direction.IN, BOB, "A", MessageState.READ, Optional.empty(), T2); // read already
        ledger.insert(LedgerEntry.of("alice", Direction.IN, CAROL, "X", "X", MessageState.DELIVERED, T1));
        ledger.insert(LedgerEntry.of("alice", Direction.OUT, BOB, "O", "o", MessageState.DELIVERED, T1));
        ledger.insert(LedgerEntry.of("bob", Direction.IN, BOB, "Y", "Y", MessageState.DELIVERED, T1));

        Instant upToC = Instant.parse("2026-11-23T10:02:00Z");
        assertEquals(List.of("C", "B"), ledger.unreadUpTo("alice", BOB, upToC, 10));
        assertEquals(List.of("C"), ledger.unreadUpTo("alice", BOB, upToC, 1));
        assertEquals(List.of(), ledger.unreadUpTo("alice", CAROL, Instant.parse("2026-11-23T09:00:00Z"), 10));
    }

    @Test
    void knowsWhetherTheUserHasChattedWithAPeer() throws Exception {
        MessageLedger ledger = ledger();
        assertFalse(ledger.hasConversation("alice", BOB));
        ledger.insert(LedgerEntry.of("alice", Direction.IN, BOB, "WA1", "WA1", MessageState.QUEUED, T1));

        assertTrue(ledger.hasConversation("alice", BOB));
        assertFalse(ledger.hasConversation("alice", CAROL));
        assertFalse(ledger.hasConversation("bob", BOB));
    }

    @Test
    void deletingAUserRemovesOnlyTheirRows() throws Exception {
        MessageLedger ledger = ledger();
        ledger.insert(out("A", "x-a", T1));
        ledger.insert(out("B", "x-b", T1));
        ledger.insert(LedgerEntry.of("bob", Direction.OUT, CAROL, "A", "x-a", MessageState.QUEUED, T1));

        assertEquals(2, ledger.deleteUser("alice"));
        assertEquals(Optional.empty(), ledger.findByXmppId("alice", BOB, "x-a"));
        assertTrue(ledger.findByXmppId("bob", CAROL, "x-a").isPresent());
        assertEquals(0, ledger.deleteUser("alice"));
    }

    @Test
    void longFailureReasonsAreCutToTheColumnWidth() throws Exception {
        MessageLedger ledger = ledger();
        ledger.insert(out("A", "x-a", T1));
        ledger.advance("alice", Direction.OUT, BOB, "A", MessageState.FAILED, Optional.of("r".repeat(400)), T2);

        assertEquals(LedgerEntry.MAX_DETAIL, ledger.find("alice", Direction.OUT, BOB, "A").orElseThrow()
                .detail().orElseThrow().length());
    }
}
