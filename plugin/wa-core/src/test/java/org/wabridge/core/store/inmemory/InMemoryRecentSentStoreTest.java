/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import org.wabridge.core.store.RecentSentStore;
import org.wabridge.core.store.contract.RecentSentStoreContract;

class InMemoryRecentSentStoreTest extends RecentSentStoreContract {
    @Override
    protected RecentSentStore newStore(int capacity) {
        return new InMemoryRecentSentStore(capacity);
    }
}
