/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wabridge.signal.TestDevice.utf8;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wabridge.core.signal.CiphertextKind;
import org.wabridge.core.signal.DuplicateMessageException;
import org.wabridge.core.signal.EncryptedMessage;
import org.wabridge.core.signal.InvalidMessageException;

/** Double-ratchet behaviour through the port: turns, out-of-order delivery, duplicates, tampering. */
class RatchetTest {

    private TestDevice alice;
    private TestDevice bob;

    @BeforeEach
    void establish() throws Exception {
        alice = TestDevice.inMemory("alice", 0);
        bob = TestDevice.inMemory("bob", 0);
        alice.crypto.buildSession(bob.address, bob.publishBundle(true, false));
        EncryptedMessage hello = alice.crypto.encrypt(bob.address, utf8("hello"));
        bob.crypto.decrypt(alice.address, hello.kind(), hello.ciphertext());
        EncryptedMessage ack = bob.crypto.encrypt(alice.address, utf8("ack"));
        alice.crypto.decrypt(bob.address, ack.kind(), ack.ciphertext());
    }

    @Test
    void manyRatchetTurnsWithBurstsInBothDirections() throws Exception {
        // Given an established session; When the sides alternate bursts of different lengths
        Random random = new Random(7);
        for (int turn = 0; turn < 20; turn++) {
            TestDevice sender = turn % 2 == 0 ? alice : bob;
            TestDevice receiver = turn % 2 == 0 ? bob : alice;
            int burst = 1 + random.nextInt(4);
            for (int i = 0; i < burst; i++) {
                String text = "turn " + turn + " message " + i;
                EncryptedMessage message = sender.crypto.encrypt(receiver.address, utf8(text));
                // Then every message is a msg and decrypts to what was sent
                assertEquals(CiphertextKind.MSG, message.kind());
                assertArrayEquals(utf8(text),
                        receiver.crypto.decrypt(sender.address, message.kind(), message.ciphertext()).plaintext());
            }
        }
    }

    @Test
    void outOfOrderDeliveryWithinAndAcrossChains() throws Exception {
        // Given Alice sends 6 messages, Bob replies once in between, and Alice sends 4 more
        List<EncryptedMessage> chain1 = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            chain1.add(alice.crypto.encrypt(bob.address, utf8("c1-" + i)));
        }
        EncryptedMessage reply = bob.crypto.encrypt(alice.address, utf8("reply"));
        alice.crypto.decrypt(bob.address, reply.kind(), reply.ciphertext());
        List<EncryptedMessage> chain2 = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            chain2.add(alice.crypto.encrypt(bob.address, utf8("c2-" + i)));
        }
        // When Bob receives them shuffled, the newer chain partly first
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(42));
        // Then every message decrypts exactly to its plaintext
        for (int index : order) {
            EncryptedMessage message = index < 6 ? chain1.get(index) : chain2.get(index - 6);
            String expected = index < 6 ? "c1-" + index : "c2-" + (index - 6);
            assertArrayEquals(utf8(expected),
                    bob.crypto.decrypt(alice.address, message.kind(), message.ciphertext()).plaintext());
        }
    }

    @Test
    void duplicateMessageIsDetectedAndNotDecryptedTwice() throws Exception {
        // Given a message Bob has decrypted
        EncryptedMessage message = alice.crypto.encrypt(bob.address, utf8("once"));
        bob.crypto.decrypt(alice.address, message.kind(), message.ciphertext());
        byte[] sessionAfterFirst = bob.stores.sessions().load(alice.address).orElseThrow();
        // When the same ciphertext arrives again (server redelivery)
        DuplicateMessageException duplicate = assertThrows(DuplicateMessageException.class,
                () -> bob.crypto.decrypt(alice.address, message.kind(), message.ciphertext()));
        // Then it is reported as a duplicate, for the right peer, and the session is untouched
        assertEquals(alice.address, duplicate.address().orElseThrow());
        assertArrayEquals(sessionAfterFirst, bob.stores.sessions().load(alice.address).orElseThrow());
        // and the session keeps working
        EncryptedMessage later = alice.crypto.encrypt(bob.address, utf8("later"));
        assertArrayEquals(utf8("later"),
                bob.crypto.decrypt(alice.address, later.kind(), later.ciphertext()).plaintext());
    }

    @Test
    void duplicateOfAnOutOfOrderMessageIsDetected() throws Exception {
        EncryptedMessage first = alice.crypto.encrypt(bob.address, utf8("first"));
        EncryptedMessage second = alice.crypto.encrypt(bob.address, utf8("second"));
        bob.crypto.decrypt(alice.address, second.kind(), second.ciphertext());
        bob.crypto.decrypt(alice.address, first.kind(), first.ciphertext()); // uses the skipped key
        assertThrows(DuplicateMessageException.class,
                () -> bob.crypto.decrypt(alice.address, first.kind(), first.ciphertext()));
    }

    @Test
    void duplicatePkmsgIsDetected() throws Exception {
        // Given a fresh session whose first pkmsg Bob already decrypted (its one-time prekey is consumed)
        TestDevice carol = TestDevice.inMemory("carol", 0);
        carol.crypto.buildSession(bob.address, bob.publishBundle(true, false));
        EncryptedMessage pkmsg = carol.crypto.encrypt(bob.address, utf8("hi from carol"));
        assertEquals(CiphertextKind.PKMSG, pkmsg.kind());
        bob.crypto.decrypt(carol.address, pkmsg.kind(), pkmsg.ciphertext());
        // When it is redelivered; Then it is a duplicate, not a second plaintext
        assertThrows(DuplicateMessageException.class,
                () -> bob.crypto.decrypt(carol.address, pkmsg.kind(), pkmsg.ciphertext()));
    }

    @Test
    void tamperedOrTruncatedCiphertextIsAnInvalidMessageAndChangesNothing() throws Exception {
        EncryptedMessage message = alice.crypto.encrypt(bob.address, utf8("intact"));
        byte[] tampered = message.ciphertext();
        tampered[tampered.length - 3] ^= 0x40; // inside the MAC
        byte[] before = bob.stores.sessions().load(alice.address).orElseThrow();
        assertThrows(InvalidMessageException.class,
                () -> bob.crypto.decrypt(alice.address, CiphertextKind.MSG, tampered));
        assertThrows(InvalidMessageException.class,
                () -> bob.crypto.decrypt(alice.address, CiphertextKind.MSG, new byte[] {0x33, 0x01}));
        assertThrows(InvalidMessageException.class,
                () -> bob.crypto.decrypt(alice.address, CiphertextKind.PKMSG, new byte[] {0x33}));
        assertArrayEquals(before, bob.stores.sessions().load(alice.address).orElseThrow());
        // the intact original still decrypts
        assertArrayEquals(utf8("intact"),
                bob.crypto.decrypt(alice.address, message.kind(), message.ciphertext()).plaintext());
    }

    @Test
    void skmsgKindIsRefusedByThePairwiseDecrypt() {
        assertThrows(IllegalArgumentException.class,
                () -> bob.crypto.decrypt(alice.address, CiphertextKind.SKMSG, new byte[] {1}));
    }
}
