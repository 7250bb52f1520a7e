/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.openfire.registration.Registration;

/**
 * The live {@link AccountSession}s, one per registered user, by username. Sessions are made on demand (the
 * first client of a registered user, or at start in always-on mode) and removed on unregistration or plugin
 * shutdown. Thread-safe.
 */
public final class SessionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    /** A session and the generation it was made in; {@link #closeAll} starts a new generation. */
    private record Made(AccountSession session, long generation) {
    }

    private final Map<String, Made> sessions = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Function<Registration, AccountSession> maker;

    /** @param maker makes a (not yet started) session for a registration */
    public SessionRegistry(Function<Registration, AccountSession> maker) {
        this.maker = maker;
    }

    /** @return the user's session, made and started if it did not exist */
    public AccountSession open(Registration registration) {
        if (registration.state() != Registration.State.LINKED) {
            throw new IllegalArgumentException("registration not linked: " + registration);
        }
        while (true) {
            long current = generation.get();
            boolean[] made = {false};
            Made entry = sessions.computeIfAbsent(registration.username(), u -> {
                made[0] = true;
                return new Made(maker.apply(registration), current);
            });
            if (entry.generation() == generation.get()) {
                if (made[0]) {
                    entry.session().start();
                }
                return entry.session();
            }
            // made while closeAll ran (e.g. the account factory was replaced): it may use the old factory, and
            // closeAll's snapshot missed it, so it goes and a fresh one is made
            if (sessions.remove(registration.username(), entry)) {
                entry.session().close();
            }
        }
    }

    /** @return the user's session, if one exists */
    public Optional<AccountSession> find(String username) {
        return Optional.ofNullable(sessions.get(username)).map(Made::session);
    }

    /**
     * Closes and forgets the user's session (unregistration).
     *
     * @return completes once the session's WhatsApp connection is closed (at once if there was none)
     */
    public CompletionStage<Void> remove(String username) {
        Made entry = sessions.remove(username);
        return entry != null ? entry.session().close() : CompletableFuture.completedFuture(null);
    }

    /** @return the sessions at this moment */
    public List<AccountSession> all() {
        return sessions.values().stream().map(Made::session).toList();
    }

    /** Closes every session (plugin shutdown, account factory replaced); sessions made meanwhile are redone. */
    public void closeAll() {
        generation.incrementAndGet();
        for (String username : List.copyOf(sessions.keySet())) {
            try {
                remove(username);
            } catch (RuntimeException e) {
                LOG.warn("Closing the WhatsApp session of {} failed", username, e);
            }
        }
    }
}
