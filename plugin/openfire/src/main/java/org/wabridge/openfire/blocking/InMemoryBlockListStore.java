/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.blocking;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** {@link BlockListStore} for tests and single-node trials; lost on restart. */
public final class InMemoryBlockListStore implements BlockListStore {
    private final ConcurrentMap<String, ConcurrentSkipListSet<String>> blocked = new ConcurrentHashMap<>();

    @Override
    public boolean add(String username, String e164, Instant at) {
        return blocked.computeIfAbsent(username, u -> new ConcurrentSkipListSet<>()).add(e164);
    }

    @Override
    public boolean remove(String username, String e164) {
        ConcurrentSkipListSet<String> set = blocked.get(username);
        return set != null && set.remove(e164);
    }

    @Override
    public SortedSet<String> list(String username) {
        ConcurrentSkipListSet<String> set = blocked.get(username);
        return set == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(set));
    }

    @Override
    public boolean contains(String username, String e164) {
        ConcurrentSkipListSet<String> set = blocked.get(username);
        return set != null && set.contains(e164);
    }

    @Override
    public int removeAll(String username) {
        ConcurrentSkipListSet<String> set = blocked.remove(username);
        return set == null ? 0 : set.size();
    }
}
