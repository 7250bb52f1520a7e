/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

import java.util.Objects;
import org.wabridge.core.signal.SignalAddress;

/**
 * Identifies a sender key: the group and the sending device (whatsapp-protocol.md §6.6: sender key name =
 * (group JID string, sender Signal address)).
 */
public record SenderKeyName(String groupId, SignalAddress sender) {

    public SenderKeyName {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(sender, "sender");
        if (groupId.isEmpty()) {
            throw new IllegalArgumentException("group id must not be empty");
        }
    }
}
