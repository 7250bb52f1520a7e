/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import org.wabridge.core.binary.Node;
import org.wabridge.core.stanza.StreamError;

/**
 * The {@code <stream:error>} forms the emulator can send (whatsapp-protocol.md §5.12, §9.1). The
 * {@code xml-not-well-formed} child for malformed client input follows whatsmeow's handling; its exact
 * server use is an assumption.
 */
public enum StreamErrorKind {
    SERVICE_UNAVAILABLE,
    RESTART_REQUIRED,
    REPLACED,
    DEVICE_REMOVED,
    MALFORMED_INPUT;

    public Node toNode() {
        switch (this) {
            case SERVICE_UNAVAILABLE:
                return StreamError.serviceUnavailable().toNode();
            case RESTART_REQUIRED:
                return StreamError.restartRequired().toNode();
            case REPLACED:
                return StreamError.replaced().toNode();
            case DEVICE_REMOVED:
                return StreamError.deviceRemoved().toNode();
            default:
                // StreamError has no form for this child; built here (emulator-private)
                return Node.builder(StreamError.TAG).child(Node.of("xml-not-well-formed")).build();
        }
    }
}
