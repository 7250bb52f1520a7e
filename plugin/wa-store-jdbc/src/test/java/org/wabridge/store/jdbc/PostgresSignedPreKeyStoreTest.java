/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import org.wabridge.core.store.contract.SignedPreKeyStoreContract;
import org.wabridge.core.store.contract.StoreFixture;

class PostgresSignedPreKeyStoreTest extends SignedPreKeyStoreContract {

    @Override
    protected StoreFixture createFixture() throws Exception {
        return new PostgresFixture();
    }
}
