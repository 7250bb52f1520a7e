/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.session;

import java.util.Objects;

import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.openfire.event.SessionEventListener;
import org.jivesoftware.openfire.session.ClientSession;
import org.jivesoftware.openfire.session.Session;
import org.jivesoftware.openfire.user.PresenceEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * The one adapter from Openfire's session and presence events to {@link SessionDirector}: a client's
 * available presence opens, its unavailable presence or the end of its connection closes. Uses only
 * {@code PresenceEventDispatcher}/{@code SessionEventDispatcher} listeners, {@code Session.getAddress} and
 * {@code getHostAddress}, which work on Openfire 4.2 and 5.x (openfire-platform.md §4).
 */
public final class OpenfireSessionEvents implements PresenceEventListener, SessionEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(OpenfireSessionEvents.class);

    private final SessionDirector director;

    public OpenfireSessionEvents(SessionDirector director) {
        this.director = Objects.requireNonNull(director, "director");
    }

    @Override
    public void availableSession(ClientSession session, Presence presence) {
        guarded(() -> director.clientOnline(session.getAddress(), hostAddress(session)));
    }

    @Override
    public void unavailableSession(ClientSession session, Presence presence) {
        guarded(() -> director.clientOffline(session.getAddress()));
    }

    @Override
    public void sessionDestroyed(Session session) {
        guarded(() -> director.clientOffline(session.getAddress()));
    }

    @Override
    public void presenceChanged(ClientSession session, Presence presence) {
        // availability is what matters, not show/status
    }

    @Override
    public void subscribedToPresence(JID subscriberJID, JID authorizerJID) {
    }

    @Override
    public void unsubscribedToPresence(JID unsubscriberJID, JID recipientJID) {
    }

    @Override
    public void sessionCreated(Session session) {
        // a session counts once its client sends available presence
    }

    @Override
    public void anonymousSessionCreated(Session session) {
    }

    @Override
    public void anonymousSessionDestroyed(Session session) {
    }

    @Override
    public void resourceBound(Session session) {
    }

    /**
     * The {@link ClientPresence} of a running Openfire: the client has a session of its user's and that session
     * is available ({@code getSessions(username)} is the lookup that is the same on 4.2 and 5.x).
     */
    public static boolean isAvailable(JID client) {
        if (client == null || client.getNode() == null) {
            return false;
        }
        for (ClientSession s : SessionManager.getInstance().getSessions(client.getNode())) {
            if (client.equals(s.getAddress())) {
                return s.getPresence() != null && s.getPresence().isAvailable();
            }
        }
        return false;
    }

    /**
     * Openfire calls these listeners inside its own presence handling: an exception thrown here would end that
     * handling half-way (the client's session stays uninitialised and gets no messages), so none may escape.
     */
    private static void guarded(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("Bug: a session event of the WhatsApp gateway failed", e);
        }
    }

    /** Used when the address cannot be read: the engine needs some client address to connect. */
    private static String hostAddress(Session session) {
        try {
            return session.getHostAddress();
        } catch (Exception e) {
            return AccountSession.NO_CLIENT_IP;
        }
    }
}
