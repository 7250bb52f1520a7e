/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client.bootstrap;

import java.util.List;
import java.util.Objects;
import org.wabridge.core.iq.UserDevices;

/**
 * What the bootstrap did.
 *
 * @param serverPreKeyCount      the server's one-time prekey count before any upload
 * @param oneTimePreKeysUploaded how many one-time prekeys were uploaded (0, the initial batch or a refill)
 * @param signedPreKeyId         the id of the signed prekey the server now holds
 * @param signedPreKeyRotated    whether a new signed prekey was generated and uploaded
 * @param signedPreKeysDeleted   ids of superseded signed prekeys deleted locally after their retention
 * @param ownDevices             the account's own device list as the server reported it
 */
public record BootstrapSummary(int serverPreKeyCount, int oneTimePreKeysUploaded, int signedPreKeyId,
                               boolean signedPreKeyRotated, List<Integer> signedPreKeysDeleted,
                               UserDevices ownDevices) {
    public BootstrapSummary {
        signedPreKeysDeleted = List.copyOf(signedPreKeysDeleted);
        Objects.requireNonNull(ownDevices, "ownDevices");
    }
}
