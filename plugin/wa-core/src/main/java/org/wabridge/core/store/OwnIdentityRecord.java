/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

import java.util.Objects;

/**
 * This account's own identity as stored: an opaque serialized key pair and the registration id.
 * {@link #toString()} never shows the key pair.
 */
public record OwnIdentityRecord(byte[] keyPair, int registrationId) {

    public OwnIdentityRecord {
        keyPair = Objects.requireNonNull(keyPair, "keyPair").clone();
    }

    @Override
    public byte[] keyPair() {
        return keyPair.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OwnIdentityRecord that && registrationId == that.registrationId
                && java.util.Arrays.equals(keyPair, that.keyPair);
    }

    @Override
    public int hashCode() {
        return registrationId;
    }

    @Override
    public String toString() {
        return "OwnIdentityRecord[registrationId=" + registrationId + ", keyPair=<redacted>]";
    }
}
