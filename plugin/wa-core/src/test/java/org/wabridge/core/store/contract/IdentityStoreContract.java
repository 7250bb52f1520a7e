/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wabridge.core.store.IdentityStore;
import org.wabridge.core.store.OwnIdentityRecord;

/** Contract of {@link IdentityStore}. */
public abstract class IdentityStoreContract extends StoreContractSupport {

    @Test
    void ownIdentityIsAbsentUntilSavedThenSurvivesReopen() throws Exception {
        // Given a fresh account
        IdentityStore identities = stores.identities();
        assertTrue(identities.loadOwnIdentity().isEmpty());
        // When the own identity is saved
        identities.saveOwnIdentity(new OwnIdentityRecord(bytes("key-pair-1"), 4242));
        // Then it reads back, also after reopening
        OwnIdentityRecord loaded = reopened().identities().loadOwnIdentity().orElseThrow();
        assertArrayEquals(bytes("key-pair-1"), loaded.keyPair());
        assertEquals(4242, loaded.registrationId());
    }

    @Test
    void savingOwnIdentityAgainReplacesIt() throws Exception {
        stores.identities().saveOwnIdentity(new OwnIdentityRecord(bytes("old"), 1));
        stores.identities().saveOwnIdentity(new OwnIdentityRecord(bytes("new"), 2));
        OwnIdentityRecord loaded = reopened().identities().loadOwnIdentity().orElseThrow();
        assertArrayEquals(bytes("new"), loaded.keyPair());
        assertEquals(2, loaded.registrationId());
    }

    @Test
    void peerIdentitiesAreKeyedByNameAndDevice() throws Exception {
        IdentityStore identities = stores.identities();
        identities.savePeerIdentity(address("4917012", 0), bytes("phone"));
        identities.savePeerIdentity(address("4917012", 3), bytes("desktop"));
        IdentityStore again = reopened().identities();
        assertArrayEquals(bytes("phone"), again.loadPeerIdentity(address("4917012", 0)).orElseThrow());
        assertArrayEquals(bytes("desktop"), again.loadPeerIdentity(address("4917012", 3)).orElseThrow());
        assertTrue(again.loadPeerIdentity(address("4917012", 4)).isEmpty());
        assertTrue(again.loadPeerIdentity(address("4917013", 0)).isEmpty());
    }

    @Test
    void peerIdentityIsReplacedAndDeleted() throws Exception {
        IdentityStore identities = stores.identities();
        identities.savePeerIdentity(address("peer", 1), bytes("first"));
        identities.savePeerIdentity(address("peer", 1), bytes("second"));
        assertArrayEquals(bytes("second"), reopened().identities().loadPeerIdentity(address("peer", 1)).orElseThrow());
        identities.deletePeerIdentity(address("peer", 1));
        identities.deletePeerIdentity(address("peer", 1)); // deleting twice is a no-op
        assertTrue(reopened().identities().loadPeerIdentity(address("peer", 1)).isEmpty());
    }

    @Test
    void accountsDoNotSeeEachOthersIdentities() throws Exception {
        stores.identities().saveOwnIdentity(new OwnIdentityRecord(bytes("mine"), 7));
        stores.identities().savePeerIdentity(address("peer", 0), bytes("peer-key"));
        IdentityStore other = otherAccount().identities();
        assertTrue(other.loadOwnIdentity().isEmpty());
        assertTrue(other.loadPeerIdentity(address("peer", 0)).isEmpty());
    }

    @Test
    void returnedRecordsAreCopies() throws Exception {
        byte[] key = bytes("peer-key");
        stores.identities().savePeerIdentity(address("peer", 0), key);
        key[0] = 'X';
        byte[] loaded = stores.identities().loadPeerIdentity(address("peer", 0)).orElseThrow();
        loaded[1] = 'Y';
        assertArrayEquals(bytes("peer-key"), stores.identities().loadPeerIdentity(address("peer", 0)).orElseThrow());
    }
}
