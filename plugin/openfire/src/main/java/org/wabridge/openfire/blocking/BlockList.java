/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.blocking;

import java.time.Clock;
import java.util.Objects;
import java.util.SortedSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.openfire.commands.AccountControl;
import org.wabridge.openfire.commands.AccountControlException;

/**
 * Blocks and unblocks WhatsApp numbers for a user: the gateway's own list is written first (so the block holds
 * even if WhatsApp cannot be told now, and after restarts), then WhatsApp is told through {@link AccountControl}
 * when the list actually changed (if the session is not connected, {@link ToWhatsAppBlockSync} does it when it
 * next comes online). Both XEP-0191 and the block commands come through here.
 */
public final class BlockList implements BlockedNumbers {

    private static final Logger LOG = LoggerFactory.getLogger(BlockList.class);

    /** What happened, so callers can tell the user. */
    public enum Outcome {
        /** The list changed and WhatsApp was told. */
        APPLIED,
        /** The list changed; WhatsApp will be told when the user's session connects. */
        PENDING,
        /** Nothing to do: the number was already (un)blocked. */
        UNCHANGED
    }

    private final BlockListStore store;
    private final AccountControl control;
    private final Clock clock;

    public BlockList(BlockListStore store, AccountControl control, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.control = Objects.requireNonNull(control, "control");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Outcome block(String username, String e164) throws BlockListStoreException, AccountControlException {
        if (!store.add(username, e164, clock.instant())) {
            return Outcome.UNCHANGED;
        }
        try {
            control.block(username, e164);
            return Outcome.APPLIED;
        } catch (AccountControlException e) {
            return pendingOrThrow(e, "block");
        }
    }

    public Outcome unblock(String username, String e164) throws BlockListStoreException, AccountControlException {
        if (!store.remove(username, e164)) {
            return Outcome.UNCHANGED;
        }
        try {
            control.unblock(username, e164);
            return Outcome.APPLIED;
        } catch (AccountControlException e) {
            return pendingOrThrow(e, "unblock");
        }
    }

    @Override
    public SortedSet<String> blocked(String username) throws BlockListStoreException {
        return store.list(username);
    }

    @Override
    public boolean isBlocked(String username, String e164) throws BlockListStoreException {
        return store.contains(username, e164);
    }

    private static Outcome pendingOrThrow(AccountControlException e, String what) throws AccountControlException {
        if (e.reason() == AccountControlException.Reason.NOT_CONNECTED) {
            LOG.debug("{} recorded; WhatsApp session not connected, applied on connect", what);
            return Outcome.PENDING;
        }
        throw e;
    }
}
