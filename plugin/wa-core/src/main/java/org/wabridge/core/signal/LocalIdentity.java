/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.Arrays;

/**
 * The public half of this account's Signal identity, as uploaded in {@code <identity>} and {@code <registration>}
 * (whatsapp-protocol.md §5.3).
 *
 * @param identityKey    raw 32-byte Curve25519 public key (no 0x05 prefix)
 * @param registrationId the registration id (servers accept any 4-byte value)
 */
public record LocalIdentity(byte[] identityKey, int registrationId) {

    public LocalIdentity {
        identityKey = Bytes.copyOfLength(identityKey, IdentityKeyPair.KEY_LENGTH, "identity key");
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocalIdentity that
                && registrationId == that.registrationId && Arrays.equals(identityKey, that.identityKey);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(identityKey) + registrationId;
    }

    @Override
    public String toString() {
        return "LocalIdentity[identityKey=" + Hex.of(identityKey) + ", registrationId=" + registrationId + "]";
    }
}
