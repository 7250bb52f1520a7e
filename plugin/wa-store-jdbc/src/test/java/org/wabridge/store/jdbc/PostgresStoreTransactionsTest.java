/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import org.wabridge.core.store.contract.StoreTransactionsContract;
import org.wabridge.core.store.contract.StoreFixture;

class PostgresStoreTransactionsTest extends StoreTransactionsContract {

    @Override
    protected StoreFixture createFixture() throws Exception {
        return new PostgresFixture();
    }
}
