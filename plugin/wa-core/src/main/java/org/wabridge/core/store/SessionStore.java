/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

import java.util.List;
import java.util.Optional;
import org.wabridge.core.signal.SignalAddress;

/** Signal session records, one per peer device. */
public interface SessionStore {

    /** The session record with a peer device. */
    Optional<byte[]> load(SignalAddress address);

    /** Stores (or replaces) the session record with a peer device. */
    void store(SignalAddress address, byte[] record);

    /** Whether a session record exists. */
    boolean contains(SignalAddress address);

    /** Deletes the session with one device; no-op if absent. */
    void delete(SignalAddress address);

    /** Deletes the sessions with every device of {@code name}. */
    void deleteAll(String name);

    /** Device ids of {@code name} that have a session, ascending. */
    List<Integer> deviceIds(String name);
}
