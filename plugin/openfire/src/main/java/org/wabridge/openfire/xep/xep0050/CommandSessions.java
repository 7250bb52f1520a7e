/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.xep.xep0050;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.wabridge.openfire.commands.UserCommand;

/**
 * Multi-stage command sessions (XEP-0050 §3.4): a random session id bound to the requesting user and command,
 * valid for {@link #LIFETIME}. Another user presenting the id gets nothing. Bounded: at most {@link #MAX_OPEN}
 * sessions; expired ones are dropped whenever a new one starts.
 */
final class CommandSessions {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final int MAX_OPEN = 10_000;

    private record Open(String owner, UserCommand command, Instant expires) {
    }

    private final ConcurrentMap<String, Open> open = new ConcurrentHashMap<>();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CommandSessions(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return a new session id, or empty if too many sessions are open */
    Optional<String> start(String owner, UserCommand command) {
        Instant now = clock.instant();
        open.values().removeIf(o -> !o.expires().isAfter(now));
        if (open.size() >= MAX_OPEN) {
            return Optional.empty();
        }
        byte[] id = new byte[12];
        random.nextBytes(id);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        open.put(sessionId, new Open(owner, command, now.plus(LIFETIME)));
        return Optional.of(sessionId);
    }

    /** @return true if the id is open, owned by this user, for this command, and not expired */
    boolean isOpen(String sessionId, String owner, UserCommand command) {
        Open o = sessionId == null ? null : open.get(sessionId);
        return o != null && o.owner().equals(owner) && o.command() == command && o.expires().isAfter(clock.instant());
    }

    void end(String sessionId) {
        open.remove(sessionId);
    }
}
