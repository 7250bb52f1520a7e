/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import java.util.List;

/**
 * Persistence port for provider keys (SQL lives at the edge). Implementations store the record as given and
 * must be safe for concurrent use; {@link #save} replaces a key with the same {@code kid}.
 */
public interface ProviderKeyStore {

    /** Inserts or replaces the key with this {@code kid}. */
    void save(StoredProviderKey key);

    /** Every stored key, in no particular order. */
    List<StoredProviderKey> loadAll();

    /** Removes the key; unknown ids are ignored. */
    void delete(String kid);
}
