/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What {@link PreKeyPolicy} needs to know.
 *
 * @param uploadedBefore whether this account ever uploaded prekeys successfully
 * @param serverCount    the server's count of our one-time prekeys, when known
 *                       ({@code <notification type="encrypt"><count value=N/>}, whatsapp-protocol.md §5.3)
 * @param signedPreKeys  the stored signed prekeys
 */
public record PreKeyStatus(boolean uploadedBefore, OptionalInt serverCount, List<SignedPreKeyInfo> signedPreKeys) {

    public PreKeyStatus {
        Objects.requireNonNull(serverCount, "serverCount");
        signedPreKeys = List.copyOf(signedPreKeys);
        if (serverCount.isPresent() && serverCount.getAsInt() < 0) {
            throw new IllegalArgumentException("server count must not be negative: " + serverCount.getAsInt());
        }
    }
}
