/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.ledger;

/**
 * How far a bridged message got. States only move forward in declaration order (a late "delivered" receipt
 * never overwrites "read"); {@link #FAILED} is reachable only from the states before the server's ack.
 */
public enum MessageState {
    /** Recorded; not yet handed on (outgoing: not yet sent to WhatsApp; incoming: not yet routed to XMPP). */
    QUEUED,
    /** Outgoing: written to WhatsApp, no ack yet. */
    SENT,
    /** Outgoing: WhatsApp's server acknowledged it. */
    SERVER_ACKED,
    /** Outgoing: the peer's device received it. Incoming: routed to the user's session or offline storage. */
    DELIVERED,
    /** The recipient displayed it. */
    READ,
    /** Outgoing: WhatsApp refused it or it could not be sent; the detail says why. */
    FAILED;

    /** @return true if a row in this state may move to {@code next} */
    public boolean canMoveTo(MessageState next) {
        if (next == FAILED) {
            return this == QUEUED || this == SENT;
        }
        return this != FAILED && next.ordinal() > ordinal();
    }
}
