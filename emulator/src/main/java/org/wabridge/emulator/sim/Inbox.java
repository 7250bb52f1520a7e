/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a simulated user received, in arrival order, bounded (oldest entries go first) so a long-running
 * emulator does not grow without limit. Readers may wait for an entry.
 */
public final class Inbox {
    /** Entries kept per user. */
    public static final int CAPACITY = 10_000;

    private final List<InboxEntry> entries = new ArrayList<>();
    private long lastSeq;

    synchronized long nextSeq() {
        return ++lastSeq;
    }

    synchronized void add(InboxEntry entry) {
        if (entries.size() == CAPACITY) {
            entries.remove(0);
        }
        entries.add(entry);
        notifyAll();
    }

    /** Every entry still kept. */
    public synchronized List<InboxEntry> all() {
        return List.copyOf(entries);
    }

    /** Entries with {@code seq > after}. */
    public synchronized List<InboxEntry> since(long after) {
        return entries.stream().filter(e -> e.seq() > after).toList();
    }

    /** Whether {@code device} already recorded the message {@code id}. */
    synchronized boolean hasMessage(int device, String id) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            InboxEntry e = entries.get(i);
            if (e.device() == device && e.isMessage() && e.messageId().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Entries matching {@code test}. */
    public synchronized List<InboxEntry> matching(Predicate<InboxEntry> test) {
        return entries.stream().filter(test).toList();
    }

    /** The first entry matching {@code test}, waiting up to {@code timeout} for it to arrive. */
    public synchronized Optional<InboxEntry> await(Predicate<InboxEntry> test, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (InboxEntry e : entries) {
                if (test.test(e)) {
                    return Optional.of(e);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
