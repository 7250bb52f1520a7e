/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import java.util.function.Supplier;

import org.jivesoftware.openfire.OfflineMessage;
import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.session.ClientSession;
import org.jivesoftware.openfire.user.UserManager;
import org.jivesoftware.openfire.user.UserNotFoundException;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * {@link XmppDelivery} over Openfire's portable API (openfire-platform.md §3, §4): the user's client sessions
 * decide online or not (see {@link #awaitRoutable}); online messages go through the {@code PacketRouter};
 * offline ones through {@code OfflineMessageStrategy.storeOffline}, which applies the administrator's offline
 * policy and quota, and are then looked up with {@code OfflineMessageStore.getMessages(user, false)} so that a
 * refusal (quota, bounce policy) is detected instead of assumed away. {@code OfflineMessageStore.addMessage} and
 * {@code OfflineMessageListener} are not used: both break on Openfire 5.
 */
public final class OpenfireXmppDelivery implements XmppDelivery {

    /** Where a user's clients are, as far as routing a message to the bare JID goes. */
    enum Readiness {
        /** A client has an initialised, available session: a message to the bare JID reaches it. */
        ROUTABLE,
        /** A client sent its first presence and Openfire is still initialising its session. */
        LOGGING_IN,
        /** No available client: the message belongs in offline storage. */
        OFFLINE
    }

    /** Pauses between looks at a client that is logging in (a seam for tests). */
    @FunctionalInterface
    interface Pause {
        void pause() throws InterruptedException;
    }

    /** Looks at a client that is logging in: every 20 ms for up to 2 s. */
    static final int LOGIN_LOOKS = 100;
    private static final long LOOK_EVERY_MILLIS = 20;

    @Override
    public Outcome deliver(Message message) throws DeliveryException {
        String username = message.getTo().getNode();
        XMPPServer server = XMPPServer.getInstance();
        try {
            if (awaitRoutable(() -> readiness(username), LOGIN_LOOKS, () -> Thread.sleep(LOOK_EVERY_MILLIS))) {
                server.getPacketRouter().route(message);
                return Outcome.ONLINE;
            }
            server.getOfflineMessageStrategy().storeOffline(message);
            for (OfflineMessage stored : server.getOfflineMessageStore().getMessages(username, false)) {
                if (message.getID() != null && message.getID().equals(stored.getID())
                        && message.getFrom().equals(stored.getFrom())) {
                    return Outcome.STORED_OFFLINE;
                }
            }
        } catch (RuntimeException e) {
            throw new DeliveryException("Openfire could not take the message", e);
        }
        throw new DeliveryException("Openfire's offline storage did not keep the message (quota or offline policy)");
    }

    /**
     * Openfire routes a message to a bare JID only to sessions it has initialised, and it initialises a client's
     * session after that client's first presence made it available, flushing the offline messages on the way.
     * The WhatsApp session opens on that presence, so its first messages can come in between: stored offline
     * then, after the flush, one would wait for the next login while later ones overtake it. So a client that is
     * logging in is waited for, briefly; a client that is plainly offline is not.
     *
     * @return true once routable; false if offline, or still logging in after {@code looks} looks
     */
    static boolean awaitRoutable(Supplier<Readiness> readiness, int looks, Pause pause) {
        for (int look = 1; ; look++) {
            Readiness now = readiness.get();
            if (now != Readiness.LOGGING_IN || look >= looks) {
                return now == Readiness.ROUTABLE;
            }
            try {
                pause.pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return readiness.get() == Readiness.ROUTABLE;
            }
        }
    }

    private static Readiness readiness(String username) {
        Readiness found = Readiness.OFFLINE;
        for (ClientSession s : SessionManager.getInstance().getSessions(username)) {
            if (s.getPresence() != null && s.getPresence().isAvailable()) {
                if (s.isInitialized()) {
                    return Readiness.ROUTABLE;
                }
                found = Readiness.LOGGING_IN;
            }
        }
        return found;
    }

    @Override
    public void send(Packet packet) {
        XMPPServer.getInstance().getPacketRouter().route(packet);
    }

    @Override
    public boolean isOnline(String username) {
        try {
            return XMPPServer.getInstance().getPresenceManager()
                    .isAvailable(UserManager.getInstance().getUser(username));
        } catch (UserNotFoundException e) {
            return false;
        }
    }
}
