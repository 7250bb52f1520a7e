/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

import java.util.Optional;

/** Sender-key records for group messages (skmsg), one per (group, sending device). */
public interface SenderKeyStore {

    /** The sender-key record. */
    Optional<byte[]> load(SenderKeyName name);

    /** Stores (or replaces) a sender-key record. */
    void store(SenderKeyName name, byte[] record);

    /** Deletes a sender-key record (e.g. the sender left the group); no-op if absent. */
    void delete(SenderKeyName name);
}
