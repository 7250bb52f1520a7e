/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.store.inmemory;

import org.wabridge.core.store.KeyIds;

/** A never-reuse id counter whose advances are undone with a failed unit of work. */
final class IdAllocator {

    private final InMemoryTransactions transactions;
    private final String kind;
    private int next = KeyIds.FIRST_ID; // guarded by the transactions' lock

    IdAllocator(InMemoryTransactions transactions, String kind) {
        this.transactions = transactions;
        this.kind = kind;
    }

    int allocate(int count) {
        int[] first = new int[1];
        transactions.write(() -> {
            int end = KeyIds.checkedBlockEnd(next, count, kind);
            first[0] = next;
            next = end;
        }, () -> next = first[0]);
        return first[0];
    }
}
