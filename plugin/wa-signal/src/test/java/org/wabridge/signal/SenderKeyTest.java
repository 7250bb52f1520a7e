/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wabridge.signal.TestDevice.utf8;

import org.junit.jupiter.api.Test;
import org.wabridge.core.signal.CiphertextKind;
import org.wabridge.core.signal.DuplicateMessageException;
import org.wabridge.core.signal.EncryptedMessage;
import org.wabridge.core.signal.InvalidMessageException;
import org.wabridge.core.signal.NoSessionException;

/** Sender keys (skmsg) through the port: distribution, group encrypt/decrypt, duplicates, wrong group. */
class SenderKeyTest {

    private static final String GROUP = "120363000000000042@g.us";

    @Test
    void groupMessagesRoundTripToEveryMemberThatGotTheDistribution() throws Exception {
        // Given Alice created her sender key and two members processed its distribution message
        TestDevice alice = TestDevice.inMemory("alice", 0);
        TestDevice bob = TestDevice.inMemory("bob", 0);
        TestDevice carol = TestDevice.inMemory("carol", 2);
        byte[] distribution = alice.crypto.createSenderKeyDistribution(GROUP);
        bob.crypto.processSenderKeyDistribution(GROUP, alice.address, distribution);
        carol.crypto.processSenderKeyDistribution(GROUP, alice.address, distribution);
        // When Alice sends three group messages
        for (int i = 0; i < 3; i++) {
            EncryptedMessage message = alice.crypto.groupEncrypt(GROUP, utf8("group " + i));
            // Then each is an skmsg both members decrypt
            assertEquals(CiphertextKind.SKMSG, message.kind());
            assertArrayEquals(utf8("group " + i),
                    bob.crypto.groupDecrypt(GROUP, alice.address, message.ciphertext()).plaintext());
            assertArrayEquals(utf8("group " + i),
                    carol.crypto.groupDecrypt(GROUP, alice.address, message.ciphertext()).plaintext());
        }
    }

    @Test
    void creatingTheDistributionAgainKeepsTheSameChain() throws Exception {
        TestDevice alice = TestDevice.inMemory("alice", 0);
        TestDevice bob = TestDevice.inMemory("bob", 0);
        alice.crypto.createSenderKeyDistribution(GROUP);
        EncryptedMessage early = alice.crypto.groupEncrypt(GROUP, utf8("early"));
        // a late joiner gets the current distribution: it cannot read older messages but reads newer ones
        bob.crypto.processSenderKeyDistribution(GROUP, alice.address, alice.crypto.createSenderKeyDistribution(GROUP));
        EncryptedMessage late = alice.crypto.groupEncrypt(GROUP, utf8("late"));
        assertArrayEquals(utf8("late"), bob.crypto.groupDecrypt(GROUP, alice.address, late.ciphertext()).plaintext());
        // a message older than the distribution's iteration cannot be told apart from a replay: reported as a
        // duplicate (ack and drop), never decrypted
        assertThrows(DuplicateMessageException.class,
                () -> bob.crypto.groupDecrypt(GROUP, alice.address, early.ciphertext()));
    }

    @Test
    void duplicateGroupMessageIsDetected() throws Exception {
        TestDevice alice = TestDevice.inMemory("alice", 0);
        TestDevice bob = TestDevice.inMemory("bob", 0);
        bob.crypto.processSenderKeyDistribution(GROUP, alice.address, alice.crypto.createSenderKeyDistribution(GROUP));
        EncryptedMessage message = alice.crypto.groupEncrypt(GROUP, utf8("once"));
        bob.crypto.groupDecrypt(GROUP, alice.address, message.ciphertext());
        assertThrows(DuplicateMessageException.class,
                () -> bob.crypto.groupDecrypt(GROUP, alice.address, message.ciphertext()));
    }

    @Test
    void missingSenderKeyIsNoSession() throws Exception {
        TestDevice alice = TestDevice.inMemory("alice", 0);
        TestDevice bob = TestDevice.inMemory("bob", 0);
        assertThrows(NoSessionException.class, () -> alice.crypto.groupEncrypt(GROUP, utf8("x")));
        alice.crypto.createSenderKeyDistribution(GROUP);
        EncryptedMessage message = alice.crypto.groupEncrypt(GROUP, utf8("x"));
        assertThrows(NoSessionException.class, () -> bob.crypto.groupDecrypt(GROUP, alice.address, message.ciphertext()));
    }

    @Test
    void senderKeysOfOneGroupDoNotOpenAnotherGroup() throws Exception {
        TestDevice alice = TestDevice.inMemory("alice", 0);
        TestDevice bob = TestDevice.inMemory("bob", 0);
        byte[] distribution = alice.crypto.createSenderKeyDistribution(GROUP);
        // a distribution message presented for the wrong group is refused
        assertThrows(InvalidMessageException.class,
                () -> bob.crypto.processSenderKeyDistribution("other@g.us", alice.address, distribution));
        bob.crypto.processSenderKeyDistribution(GROUP, alice.address, distribution);
        EncryptedMessage message = alice.crypto.groupEncrypt(GROUP, utf8("for GROUP only"));
        assertThrows(NoSessionException.class,
                () -> bob.crypto.groupDecrypt("other@g.us", alice.address, message.ciphertext()));
    }

    @Test
    void malformedDistributionAndCiphertextAreInvalidMessages() throws Exception {
        TestDevice alice = TestDevice.inMemory("alice", 0);
        TestDevice bob = TestDevice.inMemory("bob", 0);
        assertThrows(InvalidMessageException.class,
                () -> bob.crypto.processSenderKeyDistribution(GROUP, alice.address, new byte[] {0x33, 0x0a}));
        bob.crypto.processSenderKeyDistribution(GROUP, alice.address, alice.crypto.createSenderKeyDistribution(GROUP));
        assertThrows(InvalidMessageException.class,
                () -> bob.crypto.groupDecrypt(GROUP, alice.address, new byte[] {0x33, 0x01, 0x02}));
    }
}
