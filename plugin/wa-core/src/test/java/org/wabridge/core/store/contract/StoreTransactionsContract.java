/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.store.OwnIdentityRecord;
import org.wabridge.core.store.SenderKeyName;
import org.wabridge.core.store.SignalStores;
import org.wabridge.core.store.StoreTransactions;

/**
 * Contract of {@link StoreTransactions}: a unit of work that fails part-way leaves every record as it was, across
 * all stores of the account; one that succeeds is visible after reopening; concurrent units lose no update.
 */
public abstract class StoreTransactionsContract extends StoreContractSupport {

    private static final SignalAddress PEER = new SignalAddress("peer", 1);

    @Test
    void committedUnitOfWorkIsVisibleAfterReopen() throws Exception {
        String result = stores.transactions().inTransaction(() -> {
            stores.sessions().store(PEER, bytes("session"));
            stores.preKeys().store(1, bytes("prekey"));
            return "done";
        });
        assertEquals("done", result);
        assertArrayEquals(bytes("session"), reopened().sessions().load(PEER).orElseThrow());
        assertTrue(reopened().preKeys().contains(1));
    }

    @Test
    void writesInsideAUnitOfWorkAreReadableInsideIt() {
        byte[] seen = stores.transactions().inTransaction(() -> {
            stores.sessions().store(PEER, bytes("new"));
            return stores.sessions().load(PEER).orElseThrow();
        });
        assertArrayEquals(bytes("new"), seen);
    }

    @Test
    void crashMidUnitOfWorkLeavesTheOldRecordsIntact() throws Exception {
        // Given an established session, a stored prekey and a peer identity
        stores.sessions().store(PEER, bytes("old-session"));
        stores.preKeys().store(5, bytes("prekey-5"));
        stores.identities().savePeerIdentity(PEER, bytes("old-identity"));
        int nextId = stores.preKeys().allocateIds(1) + 1;
        // When a unit of work replaces the session, consumes the prekey, changes identities and then crashes
        IllegalStateException crash = new IllegalStateException("simulated crash");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> stores.transactions().inTransaction(() -> {
                    stores.sessions().store(PEER, bytes("new-session"));
                    stores.sessions().store(new SignalAddress("peer", 2), bytes("other-device"));
                    stores.preKeys().remove(5);
                    stores.identities().savePeerIdentity(PEER, bytes("new-identity"));
                    stores.identities().saveOwnIdentity(new OwnIdentityRecord(bytes("own"), 9));
                    stores.senderKeys().store(new SenderKeyName("g@g.us", PEER), bytes("sk"));
                    stores.signedPreKeys().store(1, bytes("spk"));
                    stores.kyberPreKeys().store(1, bytes("kpk"), false);
                    stores.preKeys().allocateIds(10);
                    throw crash;
                }));
        // Then the exception is the original one and nothing of the unit of work remains
        assertSame(crash, thrown);
        SignalStores after = reopened();
        assertArrayEquals(bytes("old-session"), after.sessions().load(PEER).orElseThrow());
        assertFalse(after.sessions().contains(new SignalAddress("peer", 2)));
        assertArrayEquals(bytes("prekey-5"), after.preKeys().load(5).orElseThrow());
        assertArrayEquals(bytes("old-identity"), after.identities().loadPeerIdentity(PEER).orElseThrow());
        assertTrue(after.identities().loadOwnIdentity().isEmpty());
        assertTrue(after.senderKeys().load(new SenderKeyName("g@g.us", PEER)).isEmpty());
        assertTrue(after.signedPreKeys().loadAll().isEmpty());
        assertTrue(after.kyberPreKeys().loadAll().isEmpty());
        assertEquals(nextId, after.preKeys().allocateIds(1));
    }

    @Test
    void checkedExceptionsRollBackAndPropagateUnchanged() throws Exception {
        stores.sessions().store(PEER, bytes("old"));
        IOException failure = new IOException("checked failure");
        IOException thrown = assertThrows(IOException.class, () -> stores.transactions().inTransaction(() -> {
            stores.sessions().store(PEER, bytes("new"));
            throw failure;
        }));
        assertSame(failure, thrown);
        assertArrayEquals(bytes("old"), reopened().sessions().load(PEER).orElseThrow());
    }

    @Test
    void nestedUnitsJoinTheOuterOne() throws Exception {
        stores.sessions().store(PEER, bytes("old"));
        assertThrows(IllegalStateException.class, () -> stores.transactions().inTransaction(() -> {
            stores.transactions().inTransaction(() -> {
                stores.sessions().store(PEER, bytes("inner"));
                return null;
            });
            throw new IllegalStateException("outer fails after inner completed");
        }));
        assertArrayEquals(bytes("old"), reopened().sessions().load(PEER).orElseThrow());
    }

    @Test
    void storeIsUsableAfterARollback() throws Exception {
        assertThrows(IllegalStateException.class, () -> stores.transactions().inTransaction(() -> {
            stores.sessions().store(PEER, bytes("lost"));
            throw new IllegalStateException("fail");
        }));
        stores.transactions().inTransaction(() -> {
            stores.sessions().store(PEER, bytes("kept"));
            return null;
        });
        assertArrayEquals(bytes("kept"), reopened().sessions().load(PEER).orElseThrow());
    }

    @Test
    void concurrentReadModifyWriteUnitsLoseNoUpdate() throws Exception {
        // Given a counter kept in a session record
        stores.sessions().store(PEER, counter(0));
        int threads = 4;
        int perThread = 25;
        // When several threads each increment it inside units of work, some of which fail
        Concurrently.run(threads, perThread, () -> {
            stores.transactions().inTransaction(() -> {
                long value = ByteBuffer.wrap(stores.sessions().load(PEER).orElseThrow()).getLong();
                stores.sessions().store(PEER, counter(value + 1));
                return null;
            });
            try {
                stores.transactions().inTransaction(() -> {
                    long value = ByteBuffer.wrap(stores.sessions().load(PEER).orElseThrow()).getLong();
                    stores.sessions().store(PEER, counter(value + 1000));
                    throw new IllegalStateException("rolled back");
                });
            } catch (IllegalStateException expected) {
                // the failed unit must leave no trace
            }
        });
        // Then every committed increment is there and no rolled-back one
        long value = ByteBuffer.wrap(reopened().sessions().load(PEER).orElseThrow()).getLong();
        assertEquals(threads * perThread, value);
    }

    @Test
    void unitsOfWorkOnlyTouchTheirOwnAccount() throws Exception {
        // Given another account with sessions with the same peer names
        SignalStores other = otherAccount();
        other.sessions().store(PEER, bytes("other-1"));
        other.sessions().store(new SignalAddress("peer", 2), bytes("other-2"));
        stores.sessions().store(PEER, bytes("mine"));
        // When my unit of work deletes all my sessions with "peer" and then fails
        assertThrows(IllegalStateException.class, () -> stores.transactions().inTransaction(() -> {
            stores.sessions().deleteAll("peer");
            throw new IllegalStateException("fail");
        }));
        // Then my session is back and the other account's were never touched
        assertArrayEquals(bytes("mine"), reopened().sessions().load(PEER).orElseThrow());
        // When it succeeds; Then only my sessions are gone
        stores.transactions().inTransaction(() -> {
            stores.sessions().deleteAll("peer");
            return null;
        });
        assertFalse(reopened().sessions().contains(PEER));
        assertArrayEquals(bytes("other-1"), otherAccount().sessions().load(PEER).orElseThrow());
        assertEquals(java.util.List.of(1, 2), otherAccount().sessions().deviceIds("peer"));
    }

    private static byte[] counter(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }
}
