/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.store.jdbc;

import java.util.Objects;
import org.wabridge.core.store.SignalStores;

/** Opens the JDBC stores of one account. */
public final class JdbcSignalStores {

    /** Longest account key the schema holds (VARCHAR(255)). */
    public static final int MAX_ACCOUNT_LENGTH = 255;

    private JdbcSignalStores() {
    }

    /**
     * Opens the stores of {@code account} (e.g. the bridged user's bare JID), creating its row in
     * ofWaSignalAccount on first use. Blocking database I/O; the schema must exist.
     *
     * @param connections where connections come from (Openfire: {@code DbConnectionManager::getConnection})
     * @param account     the owning account's key, at most {@value #MAX_ACCOUNT_LENGTH} characters
     */
    public static SignalStores open(ConnectionProvider connections, String account) {
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(account, "account");
        if (account.isEmpty() || account.length() > MAX_ACCOUNT_LENGTH) {
            throw new IllegalArgumentException("account key must have 1.." + MAX_ACCOUNT_LENGTH + " characters");
        }
        JdbcTransactions transactions = new JdbcTransactions(connections, account);
        transactions.ensureAccountRow();
        JdbcAccess access = new JdbcAccess(transactions, account);
        return new SignalStores(new JdbcIdentityStore(access), new JdbcPreKeyStore(access),
                new JdbcSignedPreKeyStore(access), new JdbcKyberPreKeyStore(access), new JdbcSessionStore(access),
                new JdbcSenderKeyStore(access), transactions);
    }
}
