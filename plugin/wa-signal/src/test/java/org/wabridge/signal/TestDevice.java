/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.core.signal.KyberPreKey;
import org.wabridge.core.signal.LocalIdentity;
import org.wabridge.core.signal.OneTimePreKey;
import org.wabridge.core.signal.PreKeyBundle;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalConfig;
import org.wabridge.core.signal.SignalCrypto;
import org.wabridge.core.signal.SignedPreKey;
import org.wabridge.core.store.SignalStores;
import org.wabridge.core.store.inmemory.InMemorySignalStores;

/** A simulated device: an address, its stores and the real adapter over them, plus a way to publish a bundle. */
final class TestDevice {

    final SignalAddress address;
    final SignalStores stores;
    final SignalCrypto crypto;

    TestDevice(String name, int deviceId, SignalStores stores, IdentityTrustPolicy policy) {
        this.address = new SignalAddress(name, deviceId);
        this.stores = stores;
        this.crypto = new LibsignalCryptoFactory().open(address, stores,
                new SignalConfig(policy, Clock.systemUTC()));
    }

    static TestDevice inMemory(String name, int deviceId) {
        return new TestDevice(name, deviceId, InMemorySignalStores.create(), IdentityTrustPolicy.ACCEPT_AND_REPORT);
    }

    /** Generates fresh keys and returns the bundle a server would hand out for this device. */
    PreKeyBundle publishBundle(boolean withOneTimePreKey, boolean withKyber) {
        LocalIdentity identity = crypto.localIdentity();
        SignedPreKey signed = crypto.currentSignedPreKey().orElseGet(crypto::generateSignedPreKey);
        Optional<OneTimePreKey> oneTime = withOneTimePreKey
                ? Optional.of(crypto.generateOneTimePreKeys(1).get(0)) : Optional.empty();
        Optional<KyberPreKey> kyber = withKyber ? Optional.of(crypto.generateKyberPreKey(false)) : Optional.empty();
        return new PreKeyBundle(identity.registrationId(), address.deviceId(), identity.identityKey(), signed,
                oneTime, kyber);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
