/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.session;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.openfire.registration.Registration;
import org.xmpp.packet.JID;

/**
 * Turns the user's XMPP clients coming and going into session lifecycle calls: a client of a registered
 * (linked) local user becoming available opens the user's session if needed and reports the resource; a
 * client leaving reports it gone. Registration lookups are blocking I/O, so they run on the given pool, never
 * on Openfire's event thread. A client that leaves while its lookup is still queued would otherwise leave the
 * session open with no client (its "gone" found no session yet), so after reporting a resource online the
 * director asks the server once more whether the client is still there, and reports it gone if not.
 */
public final class SessionDirector {

    private static final Logger LOG = LoggerFactory.getLogger(SessionDirector.class);

    /** Looks up a user's registration; empty if none. */
    @FunctionalInterface
    public interface Registrations {
        Optional<Registration> find(String username) throws Exception;
    }

    private final SessionRegistry sessions;
    private final Registrations registrations;
    private final Executor pool;
    private final String xmppDomain;
    private final ClientPresence presence;

    /**
     * @param xmppDomain the server's XMPP domain: only its users have sessions
     * @param presence   whether a client is still connected and available (checked after a queued lookup)
     */
    public SessionDirector(SessionRegistry sessions, Registrations registrations, Executor pool, String xmppDomain,
                           ClientPresence presence) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.xmppDomain = Objects.requireNonNull(xmppDomain, "xmppDomain");
        this.presence = Objects.requireNonNull(presence, "presence");
    }

    /** A client resource became available; {@code ip} is its address (for the engine's connect). */
    public void clientOnline(JID client, String ip) {
        if (!local(client)) {
            return;
        }
        try {
            pool.execute(() -> lookUpAndOpen(client, ip));
        } catch (RejectedExecutionException e) {
            // the messaging wiring is being replaced (settings change, unload); the next one opens the
            // sessions of every client online when it starts, and the caller is Openfire's presence handler
            LOG.debug("Session start of {} left to the next wiring: {}", client.getNode(), e.toString());
        }
    }

    private void lookUpAndOpen(JID client, String ip) {
        try {
            Optional<Registration> r = registrations.find(client.getNode());
            if (r.isPresent() && r.get().state() == Registration.State.LINKED) {
                AccountSession session = sessions.open(r.get());
                session.resourceOnline(client.getResource(), ip);
                if (!presence.isAvailable(client)) {
                    session.resourceOffline(client.getResource()); // it left while the lookup waited
                }
                if (!stillLinked(r.get())) {
                    // unregistered (or re-registered) between the lookup and the open: the removal already
                    // ran, so nothing else would end this session
                    sessions.remove(client.getNode());
                }
            }
        } catch (Exception e) {
            LOG.warn("Could not start the WhatsApp session of {}: {}", client.getNode(), e.toString());
        }
    }

    private boolean stillLinked(Registration opened) throws Exception {
        return registrations.find(opened.username())
                .filter(now -> now.state() == Registration.State.LINKED && now.phoneE164().equals(opened.phoneE164()))
                .isPresent();
    }

    /** A client resource went unavailable or its connection closed. */
    public void clientOffline(JID client) {
        if (local(client)) {
            sessions.find(client.getNode()).ifPresent(s -> s.resourceOffline(client.getResource()));
        }
    }

    private boolean local(JID client) {
        return client != null && client.getNode() != null && client.getResource() != null
                && xmppDomain.equals(client.getDomain());
    }
}
