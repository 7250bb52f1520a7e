/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Reference {@link ProviderKeyStore} for tests and single-node trials; keys are lost on restart. */
public final class InMemoryProviderKeyStore implements ProviderKeyStore {
    private final ConcurrentMap<String, StoredProviderKey> keys = new ConcurrentHashMap<>();

    @Override
    public void save(StoredProviderKey key) {
        keys.put(key.kid(), key);
    }

    @Override
    public List<StoredProviderKey> loadAll() {
        return List.copyOf(keys.values());
    }

    @Override
    public void delete(String kid) {
        keys.remove(kid);
    }
}
