/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import org.wabridge.core.store.contract.SessionStoreContract;
import org.wabridge.core.store.contract.StoreFixture;

class PostgresSessionStoreTest extends SessionStoreContract {

    @Override
    protected StoreFixture createFixture() throws Exception {
        return new PostgresFixture();
    }
}
