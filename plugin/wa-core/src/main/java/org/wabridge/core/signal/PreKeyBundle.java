/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A peer device's prekey bundle as fetched from the server (whatsapp-protocol.md §5.3, {@code <user>} children of
 * the fetch response, or {@code <keys>} of a retry receipt, §5.8). The one-time prekey may be absent; a bundle with
 * a Kyber prekey leads to a PQXDH session, one without to X3DH.
 *
 * @param registrationId the peer's registration id ({@code <registration>})
 * @param deviceId       the peer's device id
 * @param identityKey    raw 32-byte identity public key ({@code <identity>})
 * @param signedPreKey   the signed prekey ({@code <skey>})
 * @param oneTimePreKey  the one-time prekey ({@code <key>}), if the server had one left
 * @param kyberPreKey    a Kyber prekey, if the peer offers post-quantum key agreement
 */
public record PreKeyBundle(int registrationId, int deviceId, byte[] identityKey, SignedPreKey signedPreKey,
                           Optional<OneTimePreKey> oneTimePreKey, Optional<KyberPreKey> kyberPreKey) {

    public PreKeyBundle {
        identityKey = Bytes.copyOfLength(identityKey, IdentityKeyPair.KEY_LENGTH, "bundle identity key");
        Objects.requireNonNull(signedPreKey, "signedPreKey");
        Objects.requireNonNull(oneTimePreKey, "oneTimePreKey");
        Objects.requireNonNull(kyberPreKey, "kyberPreKey");
        if (deviceId < 0 || deviceId > SignalAddress.MAX_DEVICE_ID) {
            throw new IllegalArgumentException("bundle device id out of range: " + deviceId);
        }
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    /** The key agreement a session built from this bundle uses. */
    public KeyAgreement keyAgreement() {
        return kyberPreKey.isPresent() ? KeyAgreement.PQXDH : KeyAgreement.X3DH;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreKeyBundle that && registrationId == that.registrationId
                && deviceId == that.deviceId && Arrays.equals(identityKey, that.identityKey)
                && signedPreKey.equals(that.signedPreKey) && oneTimePreKey.equals(that.oneTimePreKey)
                && kyberPreKey.equals(that.kyberPreKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(registrationId, deviceId, Arrays.hashCode(identityKey), signedPreKey);
    }

    @Override
    public String toString() {
        return "PreKeyBundle[registrationId=" + registrationId + ", deviceId=" + deviceId
                + ", signedPreKey=" + signedPreKey.id()
                + ", oneTimePreKey=" + oneTimePreKey.map(k -> Integer.toString(k.id())).orElse("none")
                + ", kyberPreKey=" + kyberPreKey.map(k -> Integer.toString(k.id())).orElse("none") + "]";
    }
}
