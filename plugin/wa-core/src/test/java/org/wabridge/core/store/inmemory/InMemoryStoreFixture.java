/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import java.util.HashMap;
import java.util.Map;
import org.wabridge.core.store.SignalStores;
import org.wabridge.core.store.contract.StoreFixture;

/** In-memory fixture: "reopening" an account returns the same stores (there is nothing else to persist to). */
final class InMemoryStoreFixture implements StoreFixture {

    private final Map<String, SignalStores> accounts = new HashMap<>();

    @Override
    public synchronized SignalStores open(String account) {
        return accounts.computeIfAbsent(account, a -> InMemorySignalStores.create());
    }
}
