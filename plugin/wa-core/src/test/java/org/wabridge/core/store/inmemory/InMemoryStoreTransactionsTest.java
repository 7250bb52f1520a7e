/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import org.wabridge.core.store.contract.StoreTransactionsContract;
import org.wabridge.core.store.contract.StoreFixture;

class InMemoryStoreTransactionsTest extends StoreTransactionsContract {

    @Override
    protected StoreFixture createFixture() {
        return new InMemoryStoreFixture();
    }
}
