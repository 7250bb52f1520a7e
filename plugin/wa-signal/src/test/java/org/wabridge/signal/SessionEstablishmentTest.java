/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wabridge.signal.TestDevice.utf8;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.wabridge.core.signal.CiphertextKind;
import org.wabridge.core.signal.DecryptedMessage;
import org.wabridge.core.signal.EncryptedMessage;
import org.wabridge.core.signal.InvalidKeyException;
import org.wabridge.core.signal.KeyAgreement;
import org.wabridge.core.signal.NoSessionException;
import org.wabridge.core.signal.PreKeyBundle;
import org.wabridge.core.signal.SessionEstablished;
import org.wabridge.core.signal.SignedPreKey;

/** X3DH and PQXDH session establishment through the real adapter, in both directions. */
class SessionEstablishmentTest {

    @ParameterizedTest(name = "kyber={0}, oneTimePreKey={1}")
    @CsvSource({"false,true", "false,false", "true,true", "true,false"})
    void sessionFromBundleCarriesMessagesBothWays(boolean kyber, boolean oneTime) throws Exception {
        // Given Bob published a bundle (with or without Kyber and one-time prekey)
        TestDevice alice = TestDevice.inMemory("491700000001", 0);
        TestDevice bob = TestDevice.inMemory("491700000002", 3);
        PreKeyBundle bundle = bob.publishBundle(oneTime, kyber);
        int bobPreKeysBefore = bob.crypto.storedOneTimePreKeyCount();

        // When Alice builds a session from it and sends
        SessionEstablished established = alice.crypto.buildSession(bob.address, bundle);
        EncryptedMessage first = alice.crypto.encrypt(bob.address, utf8("hello bob"));

        // Then the key agreement matches the bundle, the first message is a pkmsg, and Bob decrypts it
        assertEquals(kyber ? KeyAgreement.PQXDH : KeyAgreement.X3DH, established.keyAgreement());
        assertTrue(established.identityChange().isEmpty());
        assertEquals(CiphertextKind.PKMSG, first.kind());
        DecryptedMessage received = bob.crypto.decrypt(alice.address, first.kind(), first.ciphertext());
        assertArrayEquals(utf8("hello bob"), received.plaintext());
        assertTrue(received.identityChange().isEmpty());
        // the one-time prekey is consumed, never to be used again
        assertEquals(oneTime ? bobPreKeysBefore - 1 : bobPreKeysBefore, bob.crypto.storedOneTimePreKeyCount());
        assertArrayEquals(alice.crypto.localIdentity().identityKey(),
                bob.crypto.peerIdentity(alice.address).orElseThrow());

        // And Bob answers on the same session with a plain msg, after which Alice sends msg too
        EncryptedMessage reply = bob.crypto.encrypt(alice.address, utf8("hi alice"));
        assertEquals(CiphertextKind.MSG, reply.kind());
        assertArrayEquals(utf8("hi alice"),
                alice.crypto.decrypt(bob.address, reply.kind(), reply.ciphertext()).plaintext());
        EncryptedMessage next = alice.crypto.encrypt(bob.address, utf8("how are you"));
        assertEquals(CiphertextKind.MSG, next.kind());
        assertArrayEquals(utf8("how are you"),
                bob.crypto.decrypt(alice.address, next.kind(), next.ciphertext()).plaintext());
    }

    @Test
    void bothSidesCanInitiate() throws Exception {
        TestDevice alice = TestDevice.inMemory("alice", 1);
        TestDevice bob = TestDevice.inMemory("bob", 2);
        // Bob initiates towards Alice this time (X3DH), and Alice initiates towards Bob's other device (PQXDH)
        TestDevice bobDesktop = TestDevice.inMemory("bob", 5);
        bob.crypto.buildSession(alice.address, alice.publishBundle(true, false));
        EncryptedMessage fromBob = bob.crypto.encrypt(alice.address, utf8("from bob"));
        assertArrayEquals(utf8("from bob"),
                alice.crypto.decrypt(bob.address, fromBob.kind(), fromBob.ciphertext()).plaintext());
        alice.crypto.buildSession(bobDesktop.address, bobDesktop.publishBundle(true, true));
        EncryptedMessage toDesktop = alice.crypto.encrypt(bobDesktop.address, utf8("to desktop"));
        assertArrayEquals(utf8("to desktop"),
                bobDesktop.crypto.decrypt(alice.address, toDesktop.kind(), toDesktop.ciphertext()).plaintext());
        assertTrue(alice.crypto.hasSession(bob.address));
        assertTrue(alice.crypto.hasSession(bobDesktop.address));
    }

    @Test
    void encryptWithoutSessionIsATypedError() {
        TestDevice alice = TestDevice.inMemory("alice", 0);
        TestDevice bob = TestDevice.inMemory("bob", 0);
        NoSessionException e = assertThrows(NoSessionException.class,
                () -> alice.crypto.encrypt(bob.address, utf8("x")));
        assertEquals(bob.address, e.address().orElseThrow());
    }

    @Test
    void msgWithoutSessionIsATypedError() throws Exception {
        TestDevice alice = TestDevice.inMemory("alice", 0);
        TestDevice bob = TestDevice.inMemory("bob", 0);
        TestDevice carol = TestDevice.inMemory("carol", 0);
        alice.crypto.buildSession(bob.address, bob.publishBundle(true, false));
        alice.crypto.encrypt(bob.address, utf8("first"));
        bob.crypto.decrypt(alice.address, CiphertextKind.PKMSG,
                alice.crypto.encrypt(bob.address, utf8("second")).ciphertext());
        EncryptedMessage msg = bob.crypto.encrypt(alice.address, utf8("msg"));
        assertEquals(CiphertextKind.MSG, msg.kind());
        // Carol never had a session with Bob
        assertThrows(NoSessionException.class, () -> carol.crypto.decrypt(bob.address, msg.kind(), msg.ciphertext()));
    }

    @Test
    void bundleWithForgedSignedPreKeySignatureIsRejected() throws Exception {
        TestDevice alice = TestDevice.inMemory("alice", 0);
        TestDevice bob = TestDevice.inMemory("bob", 0);
        PreKeyBundle good = bob.publishBundle(true, false);
        byte[] signature = good.signedPreKey().signature();
        signature[10] ^= 0x01;
        PreKeyBundle forged = new PreKeyBundle(good.registrationId(), good.deviceId(), good.identityKey(),
                new SignedPreKey(good.signedPreKey().id(), good.signedPreKey().publicKey(), signature),
                good.oneTimePreKey(), good.kyberPreKey());
        assertThrows(InvalidKeyException.class, () -> alice.crypto.buildSession(bob.address, forged));
        assertFalse(alice.crypto.hasSession(bob.address));
    }
}
