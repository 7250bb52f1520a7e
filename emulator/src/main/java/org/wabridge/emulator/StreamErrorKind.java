/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import org.wabridge.core.binary.Node;

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
        Node.Builder b = Node.builder("stream:error");
        switch (this) {
            case SERVICE_UNAVAILABLE:
                return b.attr("code", "503").build();
            case RESTART_REQUIRED:
                return b.attr("code", "515").build();
            case REPLACED:
                return b.child(Node.builder("conflict").attr("type", "replaced").build()).build();
            case DEVICE_REMOVED:
                return b.attr("code", "401").child(Node.builder("conflict").attr("type", "device_removed").build())
                        .build();
            default:
                return b.child(Node.of("xml-not-well-formed")).build();
        }
    }
}
