/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import org.wabridge.core.store.contract.SignedPreKeyStoreContract;
import org.wabridge.core.store.contract.StoreFixture;

class InMemorySignedPreKeyStoreTest extends SignedPreKeyStoreContract {

    @Override
    protected StoreFixture createFixture() {
        return new InMemoryStoreFixture();
    }
}
