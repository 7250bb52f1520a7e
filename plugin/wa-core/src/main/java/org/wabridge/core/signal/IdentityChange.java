/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.Arrays;
import java.util.Objects;

/**
 * Emitted when a peer device presents an identity key different from the one stored for it (the "safety number
 * changed" case). Under {@link IdentityTrustPolicy#ACCEPT_AND_REPORT} the new key has been stored when this is
 * returned; the bridge should tell the XMPP user.
 *
 * @param address     the peer device
 * @param previousKey the identity key stored before (raw 32 bytes)
 * @param newKey      the identity key the peer now presents (raw 32 bytes)
 */
public record IdentityChange(SignalAddress address, byte[] previousKey, byte[] newKey) {

    public IdentityChange {
        Objects.requireNonNull(address, "address");
        previousKey = Bytes.copyOf(previousKey, "previousKey");
        newKey = Bytes.copyOf(newKey, "newKey");
    }

    @Override
    public byte[] previousKey() {
        return previousKey.clone();
    }

    @Override
    public byte[] newKey() {
        return newKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityChange that && address.equals(that.address)
                && Arrays.equals(previousKey, that.previousKey) && Arrays.equals(newKey, that.newKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, Arrays.hashCode(newKey));
    }

    @Override
    public String toString() {
        return "IdentityChange[" + address + ", previous=" + Hex.of(previousKey) + ", new=" + Hex.of(newKey) + "]";
    }
}
