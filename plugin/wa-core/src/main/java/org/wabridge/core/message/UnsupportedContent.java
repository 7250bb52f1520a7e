/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.message;

import java.util.Objects;

/**
 * A {@code Message} the bridge has no model for (a poll, a location, an unknown protocol message type, …).
 * It keeps the serialized protobuf so nothing is lost and a later version can still interpret it, and says
 * in {@code description} what was found (e.g. "fields [5]" or "protocolMessage type 3").
 */
public record UnsupportedContent(String description, Octets rawMessage) implements MessageContent {
    public UnsupportedContent {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rawMessage, "rawMessage");
    }
}
