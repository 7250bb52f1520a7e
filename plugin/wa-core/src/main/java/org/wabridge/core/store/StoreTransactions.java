/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store;

/**
 * The transaction boundary shared by one account's stores: runs a unit of work so that all store writes made
 * inside it, on the calling thread, are committed together or not at all.
 *
 * <p>A unit of work that throws (checked or unchecked) is rolled back and the exception rethrown unchanged.
 * Units of work nest by joining: only the outermost commits or rolls back. Implementations are thread-safe;
 * concurrent units of work on the same records are serialized or isolated so that no update is lost.
 */
public interface StoreTransactions {

    /** Runs {@code work} atomically and returns its result. Blocking; does store I/O on the calling thread. */
    <T, E extends Exception> T inTransaction(UnitOfWork<T, E> work) throws E;

    /** A unit of work. */
    @FunctionalInterface
    interface UnitOfWork<T, E extends Exception> {
        T run() throws E;
    }
}
