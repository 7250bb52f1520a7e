/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.stanza;

import org.wabridge.core.binary.BinaryDecodeException;
import org.wabridge.core.binary.BinaryDecoder;
import org.wabridge.core.binary.BinaryEncoder;
import org.wabridge.core.binary.Node;

/** Sends a node through the real binary codec, as it would travel on the wire. */
public final class WireRoundTrip {
    private WireRoundTrip() {
    }

    public static Node viaWire(Node node) throws BinaryDecodeException {
        return BinaryDecoder.standard().decode(BinaryEncoder.standard().encode(node));
    }
}
