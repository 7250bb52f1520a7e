/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Validation and redaction of the port's value types. */
class ValueTypesTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] SIGNATURE = new byte[64];

    @Test
    void ciphertextKindsUseTheEncTypeAttributeValues() {
        // whatsapp-protocol.md §5.4: <enc type="pkmsg|msg|skmsg">
        assertEquals("pkmsg", CiphertextKind.PKMSG.wireName());
        assertEquals(CiphertextKind.MSG, CiphertextKind.fromWireName("msg"));
        assertEquals(CiphertextKind.SKMSG, CiphertextKind.fromWireName("skmsg"));
        assertThrows(IllegalArgumentException.class, () -> CiphertextKind.fromWireName("msmsg"));
    }

    @Test
    void signalAddressValidatesAndHidesMostOfTheName() {
        SignalAddress address = new SignalAddress("491701234567", 3);
        assertFalse(address.toString().contains("491701234567"));
        assertTrue(address.toString().contains(":3"));
        assertThrows(IllegalArgumentException.class, () -> new SignalAddress("", 0));
        assertThrows(IllegalArgumentException.class, () -> new SignalAddress("x", -1));
        assertThrows(IllegalArgumentException.class, () -> new SignalAddress("x", 0x10000));
    }

    @Test
    void keysHaveTheirWireLengthsAndIdsFitThreeBytes() {
        assertThrows(IllegalArgumentException.class, () -> new OneTimePreKey(1, new byte[33]));
        assertThrows(IllegalArgumentException.class, () -> new OneTimePreKey(0, KEY));
        assertThrows(IllegalArgumentException.class, () -> new OneTimePreKey(0x1000000, KEY));
        assertEquals(0xFFFFFF, new OneTimePreKey(0xFFFFFF, KEY).id());
        assertThrows(IllegalArgumentException.class, () -> new SignedPreKey(1, KEY, new byte[63]));
        assertThrows(IllegalArgumentException.class, () -> new IdentityKeyPair(KEY, new byte[31]));
    }

    @Test
    void privateKeysAndPlaintextsNeverAppearInToString() {
        byte[] secret = new byte[32];
        java.util.Arrays.fill(secret, (byte) 0x7e);
        assertFalse(new IdentityKeyPair(KEY, secret).toString().contains("7e7e"));
        DecryptedMessage message = new DecryptedMessage("secret body".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                CiphertextKind.MSG, Optional.empty());
        assertFalse(message.toString().contains("secret"));
    }

    @Test
    void recordsCopyTheirArrays() {
        byte[] key = new byte[32];
        OneTimePreKey preKey = new OneTimePreKey(1, key);
        key[0] = 1;
        assertEquals(0, preKey.publicKey()[0]);
        preKey.publicKey()[0] = 2;
        assertEquals(0, preKey.publicKey()[0]);
    }

    @Test
    void bundleKeyAgreementFollowsTheKyberKey() {
        SignedPreKey signed = new SignedPreKey(1, KEY, SIGNATURE);
        PreKeyBundle x3dh = new PreKeyBundle(1, 0, KEY, signed, Optional.empty(), Optional.empty());
        PreKeyBundle pqxdh = new PreKeyBundle(1, 0, KEY, signed, Optional.of(new OneTimePreKey(2, KEY)),
                Optional.of(new KyberPreKey(3, new byte[1569], SIGNATURE)));
        assertEquals(KeyAgreement.X3DH, x3dh.keyAgreement());
        assertEquals(KeyAgreement.PQXDH, pqxdh.keyAgreement());
    }
}
