/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Per-sender limits (whatsapp-protocol.md §1.7, §8): a message rate per minute, and a reach-out limit on how
 * many new contacts a sender may message within a window. Values are settings; WhatsApp's are not public.
 */
final class SenderLimits {
    enum Verdict { OK, RATE_LIMITED, REACH_OUT_LIMITED }

    private final Clock clock;
    private final int messagesPerMinute;
    private final int newContactsPerWindow;
    private final Duration reachOutWindow;
    private final Map<String, Deque<Instant>> sends = new HashMap<>();
    private final Map<String, Deque<Instant>> newContacts = new HashMap<>();
    private final Map<String, Set<String>> contacts = new HashMap<>();

    SenderLimits(Clock clock, int messagesPerMinute, int newContactsPerWindow, Duration reachOutWindow) {
        this.clock = clock;
        this.messagesPerMinute = messagesPerMinute;
        this.newContactsPerWindow = newContactsPerWindow;
        this.reachOutWindow = reachOutWindow;
    }

    synchronized Verdict check(String sender, String recipient) {
        Instant now = clock.instant();
        Deque<Instant> recent = trim(sends.computeIfAbsent(sender, s -> new ArrayDeque<>()), now.minusSeconds(60));
        if (recent.size() >= messagesPerMinute) {
            return Verdict.RATE_LIMITED;
        }
        Set<String> known = contacts.computeIfAbsent(sender, s -> new HashSet<>());
        if (!known.contains(recipient)) {
            Deque<Instant> fresh = trim(newContacts.computeIfAbsent(sender, s -> new ArrayDeque<>()),
                    now.minus(reachOutWindow));
            if (fresh.size() >= newContactsPerWindow) {
                return Verdict.REACH_OUT_LIMITED;
            }
            fresh.addLast(now);
            known.add(recipient);
            // a reply from the recipient is not a reach-out later on
            contacts.computeIfAbsent(recipient, s -> new HashSet<>()).add(sender);
        }
        recent.addLast(now);
        return Verdict.OK;
    }

    private static Deque<Instant> trim(Deque<Instant> times, Instant cutoff) {
        while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
            times.removeFirst();
        }
        return times;
    }
}
