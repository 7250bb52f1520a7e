/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wabridge.signal.TestDevice.utf8;

import org.junit.jupiter.api.Test;
import org.wabridge.core.signal.EncryptedMessage;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.core.signal.PreKeyBundle;
import org.wabridge.core.store.StoreException;

/**
 * A decrypt and the state it changes are one unit of work: when the store fails part-way (after libsignal wrote
 * the new session), everything is rolled back and the same ciphertext decrypts on the next attempt.
 */
class AtomicDecryptTest {

    @Test
    void crashAfterSessionWriteOfAPkmsgRollsEverythingBack() throws Exception {
        // Given Bob's stores will fail when the consumed one-time prekey is removed (the last step of a pkmsg)
        CrashingStores crashing = new CrashingStores();
        TestDevice bob = new TestDevice("bob", 0, crashing.stores, IdentityTrustPolicy.ACCEPT_AND_REPORT);
        TestDevice alice = TestDevice.inMemory("alice", 0);
        PreKeyBundle bundle = bob.publishBundle(true, true);
        int oneTimeId = bundle.oneTimePreKey().orElseThrow().id();
        alice.crypto.buildSession(bob.address, bundle);
        EncryptedMessage pkmsg = alice.crypto.encrypt(bob.address, utf8("survives a crash"));
        crashing.failPreKeyRemoval = true;

        // When Bob decrypts it and the store crashes mid-way
        StoreException crash = assertThrows(StoreException.class,
                () -> bob.crypto.decrypt(alice.address, pkmsg.kind(), pkmsg.ciphertext()));

        // Then nothing of the decrypt was committed: no session, no identity, prekeys still there
        assertTrue(crash.getMessage().contains("simulated crash"), crash.getMessage());
        assertFalse(bob.crypto.hasSession(alice.address));
        assertTrue(bob.crypto.peerIdentity(alice.address).isEmpty());
        assertTrue(crashing.stores.preKeys().contains(oneTimeId));
        assertTrue(crashing.stores.kyberPreKeys().contains(bundle.kyberPreKey().orElseThrow().id()));

        // When the store recovers, the redelivered pkmsg decrypts normally (not as a duplicate)
        crashing.failPreKeyRemoval = false;
        assertArrayEquals(utf8("survives a crash"),
                bob.crypto.decrypt(alice.address, pkmsg.kind(), pkmsg.ciphertext()).plaintext());
        assertFalse(crashing.stores.preKeys().contains(oneTimeId));
    }

    @Test
    void crashWhileWritingTheSessionOfAMsgKeepsTheOldSession() throws Exception {
        // Given an established session on Bob's side
        CrashingStores crashing = new CrashingStores();
        TestDevice bob = new TestDevice("bob", 0, crashing.stores, IdentityTrustPolicy.ACCEPT_AND_REPORT);
        TestDevice alice = TestDevice.inMemory("alice", 0);
        alice.crypto.buildSession(bob.address, bob.publishBundle(true, false));
        EncryptedMessage hello = alice.crypto.encrypt(bob.address, utf8("hello"));
        bob.crypto.decrypt(alice.address, hello.kind(), hello.ciphertext());
        EncryptedMessage reply = bob.crypto.encrypt(alice.address, utf8("reply"));
        alice.crypto.decrypt(bob.address, reply.kind(), reply.ciphertext());
        EncryptedMessage msg = alice.crypto.encrypt(bob.address, utf8("ratchet step"));
        byte[] before = crashing.stores.sessions().load(alice.address).orElseThrow();

        // When the session write fails
        crashing.failSessionWrite = true;
        assertThrows(StoreException.class, () -> bob.crypto.decrypt(alice.address, msg.kind(), msg.ciphertext()));

        // Then the old session is intact and the message decrypts once the store is back
        assertArrayEquals(before, crashing.stores.sessions().load(alice.address).orElseThrow());
        crashing.failSessionWrite = false;
        assertArrayEquals(utf8("ratchet step"),
                bob.crypto.decrypt(alice.address, msg.kind(), msg.ciphertext()).plaintext());
        assertFalse(java.util.Arrays.equals(before, crashing.stores.sessions().load(alice.address).orElseThrow()));
    }
}
