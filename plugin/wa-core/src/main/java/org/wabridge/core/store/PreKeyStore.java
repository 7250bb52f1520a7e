/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

import java.util.Optional;

/** One-time prekeys (private records) and the never-reuse allocator for their ids. */
public interface PreKeyStore {

    /**
     * Reserves {@code count} consecutive ids never handed out before by this account's allocator and returns the
     * first. Ids run from {@link KeyIds#FIRST_ID} to {@link KeyIds#MAX_ID} and never wrap. A block reserved inside
     * a unit of work that rolls back may be handed out again (nothing using it was committed).
     *
     * @throws StoreException when the id space is exhausted
     */
    int allocateIds(int count);

    /** Stores (or replaces) the record of prekey {@code id}. */
    void store(int id, byte[] record);

    /** The record of prekey {@code id}. */
    Optional<byte[]> load(int id);

    /** Whether prekey {@code id} is stored. */
    boolean contains(int id);

    /** Removes prekey {@code id} (it was consumed); no-op if absent. */
    void remove(int id);

    /** Number of stored prekeys. */
    int count();
}
