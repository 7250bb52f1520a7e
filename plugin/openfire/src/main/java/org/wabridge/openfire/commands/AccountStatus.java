/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.commands;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's WhatsApp session as the status command reports it.
 *
 * @param session the session state
 * @param since   when it entered that state, if known
 */
public record AccountStatus(Session session, Optional<Instant> since) {

    /** Session states, from the user's point of view. */
    public enum Session {
        /** No session runs for this user (not started yet, or the gateway has no WhatsApp engine running). */
        NOT_RUNNING,
        /** Connecting or logging in. */
        CONNECTING,
        /** Connected: messages flow. */
        CONNECTED,
        /** Was connected and lost the connection; the gateway retries. */
        DISCONNECTED,
        /** WhatsApp ended the session (logged out); the user must register again. */
        LOGGED_OUT
    }

    public AccountStatus {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(since, "since");
    }
}
