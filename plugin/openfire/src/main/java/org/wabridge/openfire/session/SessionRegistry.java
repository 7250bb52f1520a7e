/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
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

    private final Map<String, AccountSession> sessions = new ConcurrentHashMap<>();
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
        boolean[] made = {false};
        AccountSession session = sessions.computeIfAbsent(registration.username(), u -> {
            made[0] = true;
            return maker.apply(registration);
        });
        if (made[0]) {
            session.start();
        }
        return session;
    }

    /** @return the user's session, if one exists */
    public Optional<AccountSession> find(String username) {
        return Optional.ofNullable(sessions.get(username));
    }

    /**
     * Closes and forgets the user's session (unregistration).
     *
     * @return completes once the session's WhatsApp connection is closed (at once if there was none)
     */
    public CompletionStage<Void> remove(String username) {
        AccountSession session = sessions.remove(username);
        return session != null ? session.close() : CompletableFuture.completedFuture(null);
    }

    /** @return the sessions at this moment */
    public List<AccountSession> all() {
        return List.copyOf(sessions.values());
    }

    /** Closes every session (plugin shutdown). */
    public void closeAll() {
        for (String username : List.copyOf(sessions.keySet())) {
            try {
                remove(username);
            } catch (RuntimeException e) {
                LOG.warn("Closing the WhatsApp session of {} failed", username, e);
            }
        }
    }
}
