/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which users have exchanged messages, both ways: the emulator's stand-in for "whose device cache holds this
 * user", which decides who hears about that user's device-list changes. Bounded per user, so a chatty user
 * cannot grow it without limit (the oldest contacts are not tracked beyond the bound).
 */
final class ContactBook {
    private final int maxContactsPerUser;
    private final Map<String, Set<String>> contacts = new ConcurrentHashMap<>();

    ContactBook(int maxContactsPerUser) {
        this.maxContactsPerUser = maxContactsPerUser;
    }

    void exchanged(String a, String b) {
        if (a.equals(b)) {
            return;
        }
        add(a, b);
        add(b, a);
    }

    Set<String> of(String user) {
        Set<String> set = contacts.get(user);
        if (set == null) {
            return Set.of();
        }
        synchronized (set) {
            return Set.copyOf(set);
        }
    }

    void forget(String user) {
        Set<String> set = contacts.remove(user);
        if (set != null) {
            for (String other : of(set)) {
                Set<String> back = contacts.get(other);
                if (back != null) {
                    synchronized (back) {
                        back.remove(user);
                    }
                }
            }
        }
    }

    private static Set<String> of(Set<String> set) {
        synchronized (set) {
            return Set.copyOf(set);
        }
    }

    private void add(String user, String contact) {
        Set<String> set = contacts.computeIfAbsent(user, u -> new HashSet<>());
        synchronized (set) {
            if (set.size() < maxContactsPerUser) {
                set.add(contact);
            }
        }
    }
}
