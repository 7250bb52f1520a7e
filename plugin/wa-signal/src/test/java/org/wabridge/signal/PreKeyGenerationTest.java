/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.signal.libsignal.protocol.ecc.ECPublicKey;
import org.wabridge.core.signal.IdentityKeyPair;
import org.wabridge.core.signal.KyberPreKey;
import org.wabridge.core.signal.LocalIdentity;
import org.wabridge.core.signal.OneTimePreKey;
import org.wabridge.core.signal.SignedPreKey;
import org.wabridge.core.signal.SignedPreKeyInfo;

/** Identity and prekey generation: formats, signatures, persistence, never-reused ids. */
class PreKeyGenerationTest {

    @Test
    void localIdentityIsCreatedOnceAndPersisted() {
        TestDevice device = TestDevice.inMemory("me", 0);
        LocalIdentity first = device.crypto.localIdentity();
        assertEquals(32, first.identityKey().length);
        assertTrue(first.registrationId() >= 1 && first.registrationId() <= 16380);
        // a second adapter over the same stores sees the same identity
        TestDevice reopened = new TestDevice("me", 0, device.stores,
                org.wabridge.core.signal.IdentityTrustPolicy.ACCEPT_AND_REPORT);
        assertEquals(first, reopened.crypto.localIdentity());
    }

    @Test
    void generatedIdentityKeyPairIsRawAndConsistent() throws Exception {
        TestDevice device = TestDevice.inMemory("me", 0);
        IdentityKeyPair pair = device.crypto.generateIdentityKeyPair();
        // the private key really belongs to the public key: the signature it makes verifies under it
        org.signal.libsignal.protocol.ecc.ECPrivateKey privateKey =
                new org.signal.libsignal.protocol.ecc.ECPrivateKey(pair.privateKey());
        byte[] message = "check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(ECPublicKey.fromPublicKeyBytes(pair.publicKey())
                .verifySignature(message, privateKey.calculateSignature(message)));
        assertFalse(pair.toString().contains(java.util.HexFormat.of().formatHex(pair.privateKey())));
    }

    @Test
    void signedPreKeySignatureCoversTypeByteAndPublicKey() throws Exception {
        // whatsapp-protocol.md §5.3: XEdDSA by the identity key over 0x05 || skey.pub (33 bytes)
        TestDevice device = TestDevice.inMemory("me", 0);
        SignedPreKey signed = device.crypto.generateSignedPreKey();
        ECPublicKey identity = ECPublicKey.fromPublicKeyBytes(device.crypto.localIdentity().identityKey());
        byte[] signedData = new byte[33];
        signedData[0] = 0x05;
        System.arraycopy(signed.publicKey(), 0, signedData, 1, 32);
        assertTrue(identity.verifySignature(signedData, signed.signature()));
        assertFalse(identity.verifySignature(signed.publicKey(), signed.signature()));
        assertEquals(signed, device.crypto.currentSignedPreKey().orElseThrow());
    }

    @Test
    void newestSignedPreKeyIsCurrentAndOldOnesCanBeDeleted() {
        TestDevice device = TestDevice.inMemory("me", 0);
        SignedPreKey first = device.crypto.generateSignedPreKey();
        SignedPreKey second = device.crypto.generateSignedPreKey();
        assertNotEquals(first.id(), second.id());
        assertEquals(second.id(), device.crypto.currentSignedPreKey().orElseThrow().id());
        List<SignedPreKeyInfo> infos = device.crypto.signedPreKeys();
        assertEquals(List.of(first.id(), second.id()), infos.stream().map(SignedPreKeyInfo::id).toList());
        device.crypto.deleteSignedPreKey(first.id());
        assertEquals(List.of(second.id()), device.crypto.signedPreKeys().stream().map(SignedPreKeyInfo::id).toList());
        // a deleted id is never handed out again
        assertTrue(device.crypto.generateSignedPreKey().id() > second.id());
    }

    @Test
    void oneTimePreKeyIdsAreNeverReused() {
        TestDevice device = TestDevice.inMemory("me", 0);
        List<OneTimePreKey> initial = device.crypto.generateOneTimePreKeys(812);
        assertEquals(812, device.crypto.storedOneTimePreKeyCount());
        Set<Integer> ids = new HashSet<>();
        initial.forEach(k -> assertTrue(ids.add(k.id())));
        // consume some, then refill: no id comes back
        for (int i = 0; i < 10; i++) {
            device.stores.preKeys().remove(initial.get(i).id());
        }
        device.crypto.generateOneTimePreKeys(50).forEach(k -> assertTrue(ids.add(k.id()), "reused id " + k.id()));
        assertEquals(852, device.crypto.storedOneTimePreKeyCount());
        assertThrows(IllegalArgumentException.class, () -> device.crypto.generateOneTimePreKeys(0));
        Set<String> publicKeys = new HashSet<>();
        initial.forEach(k -> assertTrue(publicKeys.add(java.util.HexFormat.of().formatHex(k.publicKey()))));
    }

    @Test
    void kyberPreKeyIsSignedByTheIdentityAndLastResortKeysSurviveUse() throws Exception {
        TestDevice device = TestDevice.inMemory("me", 0);
        KyberPreKey oneTime = device.crypto.generateKyberPreKey(false);
        KyberPreKey lastResort = device.crypto.generateKyberPreKey(true);
        ECPublicKey identity = ECPublicKey.fromPublicKeyBytes(device.crypto.localIdentity().identityKey());
        assertTrue(identity.verifySignature(oneTime.publicKey(), oneTime.signature()));
        assertEquals(1569, oneTime.publicKey().length); // Kyber-1024 key plus its type byte
        device.stores.kyberPreKeys().markUsed(oneTime.id());
        device.stores.kyberPreKeys().markUsed(lastResort.id());
        assertFalse(device.stores.kyberPreKeys().contains(oneTime.id()));
        assertTrue(device.stores.kyberPreKeys().contains(lastResort.id()));
    }
}
