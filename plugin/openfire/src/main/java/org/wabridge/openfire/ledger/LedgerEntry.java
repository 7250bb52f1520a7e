/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One bridged message. The key is (username, direction, peer, WhatsApp id): WhatsApp ids are unique per
 * sender, so the same id from two peers are two messages. Times are kept to the millisecond, as the table
 * stores them.
 *
 * @param username  the Openfire user (node of the bare JID)
 * @param direction who sent it
 * @param peer      the WhatsApp chat address (the contact for 1:1), e.g. {@code 491701234567@s.whatsapp.net}
 * @param waId      the WhatsApp message id
 * @param xmppId    the id the user's clients know the message by
 * @param state     how far it got
 * @param detail    for {@link MessageState#FAILED} the reason in plain words (never a body or number)
 * @param created   when the row was written
 * @param updated   when the state last changed
 */
public record LedgerEntry(String username, Direction direction, String peer, String waId, String xmppId,
        MessageState state, Optional<String> detail, Instant created, Instant updated) {

    /** Longest values the table holds. */
    public static final int MAX_USERNAME = 64;
    public static final int MAX_PEER = 128;
    public static final int MAX_ID = 128;
    public static final int MAX_XMPP_ID = 255;
    public static final int MAX_DETAIL = 255;

    /** Who sent the message. */
    public enum Direction {
        /** The XMPP user sent it to WhatsApp. */
        OUT,
        /** A WhatsApp user sent it to the XMPP user. */
        IN
    }

    public LedgerEntry {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(waId, "waId");
        Objects.requireNonNull(xmppId, "xmppId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        check(username, MAX_USERNAME, "username");
        check(peer, MAX_PEER, "peer");
        check(waId, MAX_ID, "waId");
        check(xmppId, MAX_XMPP_ID, "xmppId");
        detail = detail.map(d -> d.length() > MAX_DETAIL ? d.substring(0, MAX_DETAIL) : d);
        created = created.truncatedTo(ChronoUnit.MILLIS);
        updated = updated.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A fresh row in state {@code state}, created and updated at {@code now}. */
    public static LedgerEntry of(String username, Direction direction, String peer, String waId, String xmppId,
                                 MessageState state, Instant now) {
        return new LedgerEntry(username, direction, peer, waId, xmppId, state, Optional.empty(), now, now);
    }

    private static void check(String value, int max, String what) {
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException(what + " must have 1 to " + max + " characters");
        }
    }
}
