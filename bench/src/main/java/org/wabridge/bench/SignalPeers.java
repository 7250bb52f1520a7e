/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.time.Clock;
import java.util.Optional;
import org.wabridge.core.signal.EncryptedMessage;
import org.wabridge.core.signal.KyberPreKey;
import org.wabridge.core.signal.LocalIdentity;
import org.wabridge.core.signal.OneTimePreKey;
import org.wabridge.core.signal.PreKeyBundle;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalConfig;
import org.wabridge.core.signal.SignalCrypto;
import org.wabridge.core.signal.SignalException;
import org.wabridge.core.signal.SignedPreKey;
import org.wabridge.core.store.inmemory.InMemorySignalStores;
import org.wabridge.signal.LibsignalCryptoFactory;

/** Two devices on in-memory stores, talking through the real port and adapter. */
final class SignalPeers {

    final SignalAddress aliceAddress = new SignalAddress("491700000001", 0);
    final SignalAddress bobAddress = new SignalAddress("491700000002", 0);
    final SignalCrypto alice = open(aliceAddress);
    final SignalCrypto bob = open(bobAddress);
    private final SignedPreKey bobSigned;

    SignalPeers() {
        bob.localIdentity();
        bobSigned = bob.generateSignedPreKey();
    }

    private static SignalCrypto open(SignalAddress address) {
        return new LibsignalCryptoFactory().open(address, InMemorySignalStores.create(),
                SignalConfig.defaults(Clock.systemUTC()));
    }

    /** A fresh bundle of Bob's with a new one-time prekey, and a one-time Kyber prekey when {@code kyber}. */
    PreKeyBundle freshBobBundle(boolean kyber) {
        LocalIdentity identity = bob.localIdentity();
        OneTimePreKey oneTime = bob.generateOneTimePreKeys(1).get(0);
        Optional<KyberPreKey> kyberKey = kyber ? Optional.of(bob.generateKyberPreKey(false)) : Optional.empty();
        return new PreKeyBundle(identity.registrationId(), bobAddress.deviceId(), identity.identityKey(), bobSigned,
                Optional.of(oneTime), kyberKey);
    }

    /** Builds a session Alice→Bob and completes the first round trip, so both sides send {@code msg}. */
    void establish(boolean kyber) throws SignalException {
        alice.buildSession(bobAddress, freshBobBundle(kyber));
        EncryptedMessage hello = alice.encrypt(bobAddress, new byte[] {1});
        bob.decrypt(aliceAddress, hello.kind(), hello.ciphertext());
        EncryptedMessage reply = bob.encrypt(aliceAddress, new byte[] {2});
        alice.decrypt(bobAddress, reply.kind(), reply.ciphertext());
    }
}
