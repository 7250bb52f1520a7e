/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wabridge.core.store.SessionStore;

/** Contract of {@link SessionStore}. */
public abstract class SessionStoreContract extends StoreContractSupport {

    @Test
    void sessionRoundTripsAndIsReplaced() throws Exception {
        SessionStore sessions = stores.sessions();
        assertTrue(sessions.load(address("peer", 1)).isEmpty());
        sessions.store(address("peer", 1), bytes("v1"));
        sessions.store(address("peer", 1), bytes("v2"));
        SessionStore again = reopened().sessions();
        assertArrayEquals(bytes("v2"), again.load(address("peer", 1)).orElseThrow());
        assertTrue(again.contains(address("peer", 1)));
        assertFalse(again.contains(address("peer", 2)));
    }

    @Test
    void largeRecordsSurvive() throws Exception {
        // PQXDH sessions with archived states reach tens of KiB
        byte[] record = new byte[200_000];
        new java.util.Random(4).nextBytes(record);
        stores.sessions().store(address("peer", 1), record);
        assertArrayEquals(record, reopened().sessions().load(address("peer", 1)).orElseThrow());
    }

    @Test
    void deviceIdsListsOnlyThatNameInOrder() throws Exception {
        SessionStore sessions = stores.sessions();
        sessions.store(address("alice", 7), bytes("a7"));
        sessions.store(address("alice", 0), bytes("a0"));
        sessions.store(address("alice", 3), bytes("a3"));
        sessions.store(address("alice_1", 2), bytes("lid"));
        sessions.store(address("bob", 1), bytes("b1"));
        assertEquals(List.of(0, 3, 7), reopened().sessions().deviceIds("alice"));
        assertEquals(List.of(), reopened().sessions().deviceIds("carol"));
    }

    @Test
    void deleteOneAndDeleteAllOfAName() throws Exception {
        SessionStore sessions = stores.sessions();
        sessions.store(address("alice", 0), bytes("a0"));
        sessions.store(address("alice", 1), bytes("a1"));
        sessions.store(address("alice", 2), bytes("a2"));
        sessions.store(address("bob", 0), bytes("b0"));
        sessions.delete(address("alice", 1));
        sessions.delete(address("alice", 1));
        assertEquals(List.of(0, 2), reopened().sessions().deviceIds("alice"));
        sessions.deleteAll("alice");
        assertEquals(List.of(), reopened().sessions().deviceIds("alice"));
        assertTrue(reopened().sessions().contains(address("bob", 0)));
    }

    @Test
    void accountsAreIsolated() throws Exception {
        stores.sessions().store(address("peer", 0), bytes("mine"));
        SessionStore other = otherAccount().sessions();
        assertFalse(other.contains(address("peer", 0)));
        other.store(address("peer", 0), bytes("theirs"));
        assertArrayEquals(bytes("mine"), reopened().sessions().load(address("peer", 0)).orElseThrow());
    }
}
