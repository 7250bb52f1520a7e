/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

import java.util.Objects;

/** All stores of one account plus their shared transaction boundary. */
public record SignalStores(IdentityStore identities, PreKeyStore preKeys, SignedPreKeyStore signedPreKeys,
                           KyberPreKeyStore kyberPreKeys, SessionStore sessions, SenderKeyStore senderKeys,
                           StoreTransactions transactions) {

    public SignalStores {
        Objects.requireNonNull(identities, "identities");
        Objects.requireNonNull(preKeys, "preKeys");
        Objects.requireNonNull(signedPreKeys, "signedPreKeys");
        Objects.requireNonNull(kyberPreKeys, "kyberPreKeys");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(senderKeys, "senderKeys");
        Objects.requireNonNull(transactions, "transactions");
    }
}
