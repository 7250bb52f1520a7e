/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wabridge.signal.TestDevice.utf8;

import org.junit.jupiter.api.Test;
import org.wabridge.core.signal.DecryptedMessage;
import org.wabridge.core.signal.EncryptedMessage;
import org.wabridge.core.signal.IdentityChange;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.core.signal.SessionEstablished;
import org.wabridge.core.signal.UntrustedIdentityException;
import org.wabridge.core.store.inmemory.InMemorySignalStores;

/** A peer that reinstalls WhatsApp comes back with a new identity key: reported, or refused by policy. */
class IdentityChangeTest {

    @Test
    void newIdentityInAnIncomingPkmsgIsAcceptedAndReported() throws Exception {
        // Given Bob knows Alice's first identity
        TestDevice bob = TestDevice.inMemory("bob", 0);
        TestDevice alice = TestDevice.inMemory("alice", 0);
        exchange(alice, bob);
        byte[] oldKey = alice.crypto.localIdentity().identityKey();
        // When Alice reinstalls (same address, new identity) and writes again
        TestDevice reinstalled = TestDevice.inMemory("alice", 0);
        reinstalled.crypto.buildSession(bob.address, bob.publishBundle(true, false));
        EncryptedMessage pkmsg = reinstalled.crypto.encrypt(bob.address, utf8("new phone"));
        DecryptedMessage received = bob.crypto.decrypt(alice.address, pkmsg.kind(), pkmsg.ciphertext());
        // Then the message decrypts and the change is reported with both keys
        assertArrayEquals(utf8("new phone"), received.plaintext());
        IdentityChange change = received.identityChange().orElseThrow();
        assertEquals(alice.address, change.address());
        assertArrayEquals(oldKey, change.previousKey());
        assertArrayEquals(reinstalled.crypto.localIdentity().identityKey(), change.newKey());
        assertArrayEquals(change.newKey(), bob.crypto.peerIdentity(alice.address).orElseThrow());
        // and the next message from the same identity reports nothing
        EncryptedMessage again = reinstalled.crypto.encrypt(bob.address, utf8("again"));
        assertTrue(bob.crypto.decrypt(alice.address, again.kind(), again.ciphertext()).identityChange().isEmpty());
    }

    @Test
    void newIdentityInAFetchedBundleIsReported() throws Exception {
        TestDevice alice = TestDevice.inMemory("alice", 0);
        TestDevice bob = TestDevice.inMemory("bob", 0);
        exchange(alice, bob);
        TestDevice bobReinstalled = TestDevice.inMemory("bob", 0);
        SessionEstablished established = alice.crypto.buildSession(bob.address,
                bobReinstalled.publishBundle(true, false));
        IdentityChange change = established.identityChange().orElseThrow();
        assertArrayEquals(bob.crypto.localIdentity().identityKey(), change.previousKey());
        assertArrayEquals(bobReinstalled.crypto.localIdentity().identityKey(), change.newKey());
    }

    @Test
    void rejectPolicyRefusesAChangedIdentityUntilTrusted() throws Exception {
        // Given Bob refuses identity changes
        TestDevice bob = new TestDevice("bob", 0, InMemorySignalStores.create(), IdentityTrustPolicy.REJECT_CHANGES);
        TestDevice alice = TestDevice.inMemory("alice", 0);
        exchange(alice, bob);
        byte[] sessionBefore = bob.stores.sessions().load(alice.address).orElseThrow();
        // When a reinstalled Alice writes
        TestDevice reinstalled = TestDevice.inMemory("alice", 0);
        reinstalled.crypto.buildSession(bob.address, bob.publishBundle(true, false));
        EncryptedMessage pkmsg = reinstalled.crypto.encrypt(bob.address, utf8("let me in"));
        int preKeys = bob.crypto.storedOneTimePreKeyCount();
        UntrustedIdentityException refused = assertThrows(UntrustedIdentityException.class,
                () -> bob.crypto.decrypt(alice.address, pkmsg.kind(), pkmsg.ciphertext()));
        // Then nothing changed: old identity, old session, prekey not consumed
        assertEquals(alice.address, refused.address().orElseThrow());
        assertArrayEquals(alice.crypto.localIdentity().identityKey(),
                bob.crypto.peerIdentity(alice.address).orElseThrow());
        assertArrayEquals(sessionBefore, bob.stores.sessions().load(alice.address).orElseThrow());
        assertEquals(preKeys, bob.crypto.storedOneTimePreKeyCount());
        // When the user trusts the new key; Then the same pkmsg decrypts
        bob.crypto.trustIdentity(alice.address, reinstalled.crypto.localIdentity().identityKey());
        DecryptedMessage accepted = bob.crypto.decrypt(alice.address, pkmsg.kind(), pkmsg.ciphertext());
        assertArrayEquals(utf8("let me in"), accepted.plaintext());
        assertFalse(accepted.identityChange().isPresent());
    }

    @Test
    void rejectPolicyRefusesABundleWithAChangedIdentity() throws Exception {
        TestDevice alice = new TestDevice("alice", 0, InMemorySignalStores.create(), IdentityTrustPolicy.REJECT_CHANGES);
        TestDevice bob = TestDevice.inMemory("bob", 0);
        exchange(alice, bob);
        TestDevice bobReinstalled = TestDevice.inMemory("bob", 0);
        assertThrows(UntrustedIdentityException.class,
                () -> alice.crypto.buildSession(bob.address, bobReinstalled.publishBundle(true, false)));
    }

    private static void exchange(TestDevice alice, TestDevice bob) throws Exception {
        alice.crypto.buildSession(bob.address, bob.publishBundle(true, false));
        EncryptedMessage hello = alice.crypto.encrypt(bob.address, utf8("hello"));
        bob.crypto.decrypt(alice.address, hello.kind(), hello.ciphertext());
    }
}
