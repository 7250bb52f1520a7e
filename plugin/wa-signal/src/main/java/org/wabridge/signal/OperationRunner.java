/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import java.util.concurrent.locks.ReentrantLock;
import org.wabridge.core.store.StoreTransactions;

/**
 * Runs every port operation of one account the same way: under the account's lock (libsignal's
 * load-modify-store sequences must not interleave) and inside one unit of work of the stores, so the operation's
 * writes commit together or not at all.
 */
final class OperationRunner {

    private final ReentrantLock lock = new ReentrantLock();
    private final StoreTransactions transactions;
    private final LibsignalStoreConnector connector;

    OperationRunner(StoreTransactions transactions, LibsignalStoreConnector connector) {
        this.transactions = transactions;
        this.connector = connector;
    }

    /** Runs {@code work} atomically; {@code groupId} names the group whose sender keys it may touch, or null. */
    <T> T run(String groupId, StoreTransactions.UnitOfWork<T, Exception> work) throws Exception {
        lock.lock();
        try {
            return transactions.inTransaction(() -> {
                connector.beginOperation(groupId);
                return work.run();
            });
        } finally {
            lock.unlock();
        }
    }

    /** Runs work that throws no checked exception. */
    <T> T runUnchecked(StoreTransactions.UnitOfWork<T, RuntimeException> work) {
        lock.lock();
        try {
            return transactions.inTransaction(() -> {
                connector.beginOperation(null);
                return work.run();
            });
        } finally {
            lock.unlock();
        }
    }
}
