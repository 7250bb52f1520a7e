/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import org.wabridge.core.store.PendingInboundStore;
import org.wabridge.core.store.contract.PendingInboundStoreContract;

class InMemoryPendingInboundStoreTest extends PendingInboundStoreContract {
    @Override
    protected PendingInboundStore newStore() {
        return new InMemoryPendingInboundStore();
    }
}
