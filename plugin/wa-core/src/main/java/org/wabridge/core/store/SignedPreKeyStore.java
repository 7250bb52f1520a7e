/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

import java.util.List;
import java.util.Optional;

/** Signed prekeys (private records). */
public interface SignedPreKeyStore {

    /** Reserves one fresh id, never handed out before by this account's signed-prekey allocator. */
    int allocateId();

    /** Stores (or replaces) signed prekey {@code id}. */
    void store(int id, byte[] record);

    /** The record of signed prekey {@code id}. */
    Optional<byte[]> load(int id);

    /** All stored signed prekeys, by ascending id. */
    List<StoredKey> loadAll();

    /** Whether signed prekey {@code id} is stored. */
    boolean contains(int id);

    /** Removes signed prekey {@code id}; no-op if absent. */
    void remove(int id);
}
