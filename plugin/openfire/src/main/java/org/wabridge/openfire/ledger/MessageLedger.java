/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable record of every bridged message (see {@link LedgerEntry}). Implementations are thread-safe; the JDBC
 * one does blocking I/O, so callers stay off Openfire's routing threads.
 */
public interface MessageLedger {

    /**
     * Inserts the row unless one with the same key exists.
     *
     * @return true if inserted, false if the key was already recorded (the existing row is unchanged): this
     *         is the deduplication point for WhatsApp messages delivered twice
     */
    boolean insert(LedgerEntry entry) throws LedgerException;

    /** @return the row with this key, if any */
    Optional<LedgerEntry> find(String username, LedgerEntry.Direction direction, String peer, String waId)
            throws LedgerException;

    /** @return the most recently created row of the user's chat with {@code peer} with this XMPP id, if any */
    Optional<LedgerEntry> findByXmppId(String username, String peer, String xmppId) throws LedgerException;

    /**
     * Moves the row to {@code state} if {@link MessageState#canMoveTo} allows it (so a stale update never moves
     * a row backwards).
     *
     * @param detail the failure reason for {@link MessageState#FAILED}, else empty
     * @return true if the row existed and moved
     */
    boolean advance(String username, LedgerEntry.Direction direction, String peer, String waId, MessageState state,
                    Optional<String> detail, Instant at) throws LedgerException;

    /**
     * The peer's messages the user has been given but not yet read, created no later than {@code upTo}: what one
     * XEP-0333 displayed marker covers (§4: a marker acknowledges every earlier message too).
     *
     * @return WhatsApp ids of incoming rows in state {@link MessageState#DELIVERED}, newest first, at most
     *         {@code limit}
     */
    List<String> unreadUpTo(String username, String peer, Instant upTo, int limit) throws LedgerException;

    /** @return true if the user has any row with this peer (the user has chatted with it before) */
    boolean hasConversation(String username, String peer) throws LedgerException;

    /** Removes every row of the user (unregistration); @return how many */
    int deleteUser(String username) throws LedgerException;
}
