/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.wabridge.core.iq.BlocklistIq;
import org.wabridge.core.jid.WaJid;

/**
 * Each account's block list, as the server keeps it (namespace {@code blocklist}): who blocked whom, and when.
 * A blocked user's messages are accepted from the sender but never delivered, and its presence and typing do
 * not reach the blocker (WhatsApp shows the sender a single tick). Thread-safe; in memory like the rest.
 */
final class BlockBook {

    private final Map<String, Map<String, BlocklistIq.Entry>> byBlocker = new ConcurrentHashMap<>();
    private final Clock clock;

    BlockBook(Clock clock) {
        this.clock = clock;
    }

    /** Applies a change from {@code blocker}'s device. */
    void apply(String blocker, BlocklistIq.Update update) {
        WaJid blocked = update.jid().toNonAd();
        Map<String, BlocklistIq.Entry> list = byBlocker.computeIfAbsent(blocker, b -> new LinkedHashMap<>());
        synchronized (list) {
            if (update.action() == BlocklistIq.Action.BLOCK) {
                list.putIfAbsent(blocked.user(), new BlocklistIq.Entry(blocked,
                        Optional.of(clock.instant().getEpochSecond())));
            } else {
                list.remove(blocked.user());
            }
        }
    }

    /** @return {@code blocker}'s list, oldest block first */
    List<BlocklistIq.Entry> list(String blocker) {
        Map<String, BlocklistIq.Entry> list = byBlocker.get(blocker);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return new ArrayList<>(list.values());
        }
    }

    /** @return true if {@code blocker} blocked the user {@code sender} (user parts of their addresses) */
    boolean blocks(String blocker, String sender) {
        Map<String, BlocklistIq.Entry> list = byBlocker.get(blocker);
        if (list == null) {
            return false;
        }
        synchronized (list) {
            return list.containsKey(sender);
        }
    }
}
