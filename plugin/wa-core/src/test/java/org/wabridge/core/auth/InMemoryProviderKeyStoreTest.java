/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.auth;

import org.wabridge.core.auth.contract.ProviderKeyStoreContract;

class InMemoryProviderKeyStoreTest extends ProviderKeyStoreContract {
    @Override
    protected ProviderKeyStore newEmptyStore() {
        return new InMemoryProviderKeyStore();
    }
}
