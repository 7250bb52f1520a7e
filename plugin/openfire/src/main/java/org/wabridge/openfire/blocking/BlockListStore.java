/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.blocking;

import java.time.Instant;
import java.util.SortedSet;

/** Persistence of the block list: which E.164 numbers each local user blocks. Safe for concurrent use. */
public interface BlockListStore {

    /** @return true if the number was not blocked before (so WhatsApp must be told) */
    boolean add(String username, String e164, Instant at) throws BlockListStoreException;

    /** @return true if the number was blocked before */
    boolean remove(String username, String e164) throws BlockListStoreException;

    /** The user's blocked numbers, sorted. */
    SortedSet<String> list(String username) throws BlockListStoreException;

    boolean contains(String username, String e164) throws BlockListStoreException;

    /** Forgets every block of the user (the user unregistered or was deleted); returns how many. */
    int removeAll(String username) throws BlockListStoreException;
}
