/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

import java.util.Optional;
import org.wabridge.core.signal.SignalAddress;

/** This account's identity and the identity keys of the peer devices it has talked to. */
public interface IdentityStore {

    /** The own identity, if it was created. */
    Optional<OwnIdentityRecord> loadOwnIdentity();

    /** Stores the own identity, replacing any previous one. */
    void saveOwnIdentity(OwnIdentityRecord identity);

    /** The identity key stored for a peer device. */
    Optional<byte[]> loadPeerIdentity(SignalAddress address);

    /** Stores (or replaces) the identity key of a peer device. */
    void savePeerIdentity(SignalAddress address, byte[] identityKey);

    /** Forgets a peer device's identity key; no-op if absent. */
    void deletePeerIdentity(SignalAddress address);
}
