/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.Objects;

/**
 * A Signal protocol address: the peer's name and device id (whatsapp-protocol.md §4, "Signal address": the
 * name is the JID user, or {@code user_<domain>} for non-default domains such as LIDs; the device id is the JID
 * device). Built by the JID layer; this type deliberately knows nothing about JIDs.
 *
 * <p>{@link #toString()} hides most of the name because it is usually a phone number.
 */
public record SignalAddress(String name, int deviceId) {

    /** Largest device id: WhatsApp device ids are unsigned 16-bit values on the wire. */
    public static final int MAX_DEVICE_ID = 0xFFFF;

    public SignalAddress {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Signal address name must not be empty");
        }
        if (deviceId < 0 || deviceId > MAX_DEVICE_ID) {
            throw new IllegalArgumentException("device id out of range 0.." + MAX_DEVICE_ID + ": " + deviceId);
        }
    }

    @Override
    public String toString() {
        String tail = name.length() <= 2 ? name : name.substring(name.length() - 2);
        return "SignalAddress[…" + tail + ":" + deviceId + "]";
    }
}
