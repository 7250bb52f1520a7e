/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.contract;

import org.wabridge.core.store.SignalStores;

/** Supplies stores to a contract suite. */
public interface StoreFixture {

    /**
     * Opens the stores of {@code account}. Opening the same account again must give stores over the same
     * persisted state (for a database: new DAO instances, as after a restart).
     */
    SignalStores open(String account) throws Exception;

    /** Releases the backing storage after a test. */
    default void close() throws Exception {
    }
}
