/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

import java.util.List;
import java.util.Optional;

/** Kyber prekeys (private records) for PQXDH: one-time keys and last-resort keys. */
public interface KyberPreKeyStore {

    /** Reserves one fresh id, never handed out before by this account's Kyber allocator. */
    int allocateId();

    /** Stores (or replaces) Kyber prekey {@code id}; a last-resort key survives {@link #markUsed}. */
    void store(int id, byte[] record, boolean lastResort);

    /** The record of Kyber prekey {@code id}. */
    Optional<byte[]> load(int id);

    /** All stored Kyber prekeys, by ascending id. */
    List<StoredKey> loadAll();

    /** Whether Kyber prekey {@code id} is stored. */
    boolean contains(int id);

    /** Records that a pkmsg used key {@code id}: a one-time key is removed, a last-resort key kept. */
    void markUsed(int id);
}
