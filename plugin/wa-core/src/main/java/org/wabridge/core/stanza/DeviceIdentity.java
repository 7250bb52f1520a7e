/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import java.util.Optional;
import org.wabridge.core.binary.Node;

/** The optional {@code <device-identity>} child (ADVSignedDeviceIdentity bytes), read and written as raw bytes. */
final class DeviceIdentity {
    static final String TAG = "device-identity";

    private DeviceIdentity() {
    }

    static Optional<byte[]> read(Node parent) throws StanzaException {
        Node node = parent.child(TAG);
        return node == null ? Optional.empty() : Optional.of(Nodes.bytes(node));
    }

    static void write(Node.Builder builder, Optional<byte[]> value) {
        value.ifPresent(bytes -> builder.child(Nodes.bytesNode(TAG, bytes)));
    }

    static boolean equal(Optional<byte[]> a, Optional<byte[]> b) {
        return a.isPresent() == b.isPresent() && (a.isEmpty() || java.util.Arrays.equals(a.get(), b.get()));
    }

    static Optional<byte[]> copy(Optional<byte[]> value) {
        return java.util.Objects.requireNonNull(value, "deviceIdentity").map(byte[]::clone);
    }
}
