/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.signal;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of building an outgoing session from a peer's bundle.
 *
 * @param address        the peer device the session is with
 * @param keyAgreement   X3DH, or PQXDH when the bundle carried a Kyber prekey
 * @param identityChange present when the bundle's identity key differs from the one stored for that device
 */
public record SessionEstablished(SignalAddress address, KeyAgreement keyAgreement,
                                 Optional<IdentityChange> identityChange) {

    public SessionEstablished {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(keyAgreement, "keyAgreement");
        Objects.requireNonNull(identityChange, "identityChange");
    }
}
