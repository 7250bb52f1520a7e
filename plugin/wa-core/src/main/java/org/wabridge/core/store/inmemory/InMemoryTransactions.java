/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.wabridge.core.store.StoreTransactions;

/**
 * Transaction boundary of the in-memory stores: one lock per account (so units of work are serialized) and an
 * undo log that is replayed in reverse when the outermost unit of work throws.
 */
public final class InMemoryTransactions implements StoreTransactions {

    private final ReentrantLock lock = new ReentrantLock();
    private Deque<Runnable> undoLog; // non-null while a unit of work runs; guarded by lock
    private int depth;               // guarded by lock

    @Override
    public <T, E extends Exception> T inTransaction(UnitOfWork<T, E> work) throws E {
        lock.lock();
        try {
            if (depth > 0) {
                depth++;
                try {
                    return work.run();
                } finally {
                    depth--;
                }
            }
            depth = 1;
            undoLog = new ArrayDeque<>();
            boolean committed = false;
            try {
                T result = work.run();
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    while (!undoLog.isEmpty()) {
                        undoLog.pop().run();
                    }
                }
                undoLog = null;
                depth = 0;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs a read under the lock. */
    <T> T read(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    /** Applies a mutation under the lock and, inside a unit of work, records how to undo it. */
    void write(Runnable mutation, Runnable undo) {
        lock.lock();
        try {
            mutation.run();
            if (undoLog != null) {
                undoLog.push(undo);
            }
        } finally {
            lock.unlock();
        }
    }
}
