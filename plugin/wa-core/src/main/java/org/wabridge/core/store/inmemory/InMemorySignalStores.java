/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import org.wabridge.core.store.SignalStores;

/** Builds the in-memory stores of one account, sharing one transaction boundary. */
public final class InMemorySignalStores {

    private InMemorySignalStores() {
    }

    /** A fresh, empty set of stores. */
    public static SignalStores create() {
        InMemoryTransactions transactions = new InMemoryTransactions();
        return new SignalStores(new InMemoryIdentityStore(transactions), new InMemoryPreKeyStore(transactions),
                new InMemorySignedPreKeyStore(transactions), new InMemoryKyberPreKeyStore(transactions),
                new InMemorySessionStore(transactions), new InMemorySenderKeyStore(transactions), transactions);
    }
}
