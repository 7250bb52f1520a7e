/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.SendResult;
import org.wabridge.openfire.component.GatewayMessaging;
import org.wabridge.openfire.id.UnmappableJidException;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.roster.RosterException;
import org.wabridge.openfire.session.AccountSession;
import org.wabridge.openfire.session.ClientPresence;
import org.wabridge.openfire.session.GatewayPresence;
import org.wabridge.openfire.session.SessionDirector;
import org.wabridge.openfire.session.SessionRegistry;
import org.wabridge.openfire.session.WaAccountFactory;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

/**
 * Messaging for one gateway domain, put together: the session registry (sessions made with the current
 * {@link WaAccountFactory} and lifecycle setting), the client-event director, the routers and the
 * first-contact gate. It is the component's {@link GatewayMessaging}: messages go to the
 * {@link OutboundRouter}; presence to the gateway is answered with the session state, and a subscription to a
 * contact is granted and accepts it. No Openfire listener is registered here (the plugin does that).
 */
public final class MessagingService implements GatewayMessaging {

    private static final Logger LOG = LoggerFactory.getLogger(MessagingService.class);

    /** How long unregistering waits for the user's WhatsApp connection to close. */
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final RoutingContext ctx;
    private final SessionRegistry sessions;
    private final SessionDirector director;
    private final OutboundRouter outbound;
    private final FirstContactGate firstContact;
    private final String xmppDomain;
    private volatile WaAccountFactory factory;

    /**
     * @param xmppDomain    the server's domain (only its users get sessions)
     * @param registrations the registration lookup (blocking)
     * @param pool          shared worker pool for the sessions
     * @param timer         lifecycle timer
     * @param presence      whether a client is still connected (for the session director)
     */
    public MessagingService(RoutingContext ctx, OutboundRouter.Registrations registrations, WaAccountFactory factory,
                            String xmppDomain, Executor pool, ScheduledExecutorService timer,
                            ClientPresence presence) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.xmppDomain = Objects.requireNonNull(xmppDomain, "xmppDomain");
        this.firstContact = new FirstContactGate(ctx);
        InboundRouter inbound = new InboundRouter(ctx, firstContact);
        this.sessions = new SessionRegistry(r -> new AccountSession(r, new JID(r.username(), xmppDomain, null),
                this.factory, ctx.settings().get().lifecycle(), pool, timer, ctx.clock(), inbound));
        this.director = new SessionDirector(sessions, registrations::find, pool, xmppDomain, presence);
        this.outbound = new OutboundRouter(ctx, registrations, sessions, firstContact);
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    public SessionDirector director() {
        return director;
    }

    /** Replaces the account factory; open sessions are closed so that the next use makes them anew. */
    public void useAccountFactory(WaAccountFactory replacement) {
        this.factory = Objects.requireNonNull(replacement, "replacement");
        sessions.closeAll();
    }

    /** Opens the session of a linked registration now (always-on at start, or a user already online). */
    public AccountSession open(Registration registration) {
        return sessions.open(registration);
    }

    /** The user unregistered: closes the session, forgets the ledger rows, removes the roster contacts. */
    public void unregistered(String username) {
        try {
            // the engine must be gone before the Signal state and kept copies are erased, or a message it is
            // decrypting right now could write them again
            sessions.remove(username).toCompletableFuture().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("WhatsApp session of {} not closed cleanly before its data is erased: {}", username,
                    e.toString());
        }
        firstContact.release(username);
        try {
            ctx.ledger().deleteUser(username);
        } catch (Exception e) {
            LOG.warn("Ledger rows of {} not removed: {}", username, e.getMessage());
        }
        try {
            ctx.roster().removeGatewayContacts(username, ctx.jids().gatewayJid().getDomain());
        } catch (RosterException e) {
            LOG.warn("WhatsApp contacts of {} not removed from the roster: {}", username, e.getMessage());
        }
    }

    /** Closes every session (plugin shutdown). */
    public void stop() {
        sessions.closeAll();
    }

    /**
     * Only users of this server have WhatsApp accounts here; a message from elsewhere (a federated server) is
     * refused with forbidden, so a remote {@code alice@other.example} can never use local alice's account.
     */
    @Override
    public void onMessage(Message message) {
        if (!isLocal(message.getFrom())) {
            if (message.getType() != Message.Type.error && message.getFrom() != null) {
                java.util.Locale locale = MessageErrors.localeOf(message, ctx.serverLocale().get());
                ctx.delivery().send(MessageErrors.bounce(message, org.xmpp.packet.PacketError.Condition.forbidden,
                        ctx.texts().apply(locale).get("whatsapp.error.registration.not_permitted"), locale));
            }
            return;
        }
        outbound.handle(message);
    }

    private boolean isLocal(JID from) {
        return from != null && from.getNode() != null && xmppDomain.equals(from.getDomain());
    }

    @Override
    public void onPresence(Presence presence) {
        JID from = presence.getFrom();
        JID to = presence.getTo();
        if (!isLocal(from) || to == null) {
            return;
        }
        if (to.getNode() == null) { // to the gateway itself
            if (presence.getType() == Presence.Type.probe || presence.getType() == null) {
                EngineState state = sessions.find(from.getNode()).map(AccountSession::state)
                        .orElse(EngineState.initial(ctx.clock().instant()));
                ctx.delivery().send(GatewayPresence.of(state, ctx.jids().gatewayJid(), from.asBareJID(),
                        ctx.serverTexts()));
            } else if (presence.getType() == Presence.Type.subscribe) {
                reply(presence, Presence.Type.subscribed);
            }
            return;
        }
        if (presence.getType() == Presence.Type.subscribe) {
            reply(presence, Presence.Type.subscribed);
            outbound.accepted(from.getNode(), to.asBareJID());
        } else if (presence.getType() == Presence.Type.unsubscribe) {
            // the user removed the contact (RFC 6121 §3.3): it confirms and goes offline for the user; the
            // gateway forgets nothing else, and sends its presence again only once the contact is back in
            // the roster (see InboundRouter)
            reply(presence, Presence.Type.unsubscribed);
            reply(presence, Presence.Type.unavailable);
        }
    }

    private void reply(Presence request, Presence.Type type) {
        Presence answer = new Presence(type);
        answer.setFrom(request.getTo().asBareJID());
        answer.setTo(request.getFrom().asBareJID());
        ctx.delivery().send(answer);
    }

    /**
     * The user adds a WhatsApp number (ad-hoc command): a roster item at the gateway, the contact counts as
     * accepted (first contact), and WhatsApp presence is asked for if the session is online.
     */
    public void addContact(String username, String e164)
            throws UnmappableJidException, RosterException {
        JID contact = ctx.jids().fromE164(e164);
        if (!ctx.roster().hasContact(username, contact)) {
            ctx.roster().addContact(username, contact, e164);
        }
        outbound.accepted(username, contact);
        String wa = ctx.jids().toWhatsApp(contact).toString();
        sessions.find(username).filter(s -> s.account().isLoggedIn())
                .ifPresent(s -> s.account().subscribePresence(wa));
    }

    /**
     * Tells the user something from the gateway (a chat message in the server's language; Openfire stores it
     * offline if no client is online). {@code key} is an i18n key whose text may use {0}, the gateway's address.
     */
    public void notifyUser(String username, String key) {
        Message m = new Message();
        m.setType(Message.Type.chat);
        m.setFrom(ctx.jids().gatewayJid());
        m.setTo(new JID(username, xmppDomain, null));
        m.setID("wa-notice-" + Long.toHexString(ctx.clock().millis()) + "-" + Integer.toHexString(key.hashCode()));
        m.setBody(ctx.serverTexts().get(key, ctx.jids().gatewayJid().getDomain()));
        try {
            ctx.delivery().deliver(m);
        } catch (DeliveryException e) {
            LOG.warn("Notice {} for {} not delivered: {}", key, username, e.getMessage());
        }
    }

    /**
     * Removes a WhatsApp contact from the user's roster (gateway side of "removal works both ways"). The
     * conversation stays in the ledger: if the contact writes again the message is delivered, without the
     * contact being put back in the roster.
     */
    public void removeContact(String username, String e164)
            throws UnmappableJidException, RosterException {
        ctx.roster().removeContact(username, ctx.jids().fromE164(e164));
    }

    /**
     * Blocks or unblocks a number on WhatsApp through the user's session.
     *
     * @return the engine's answer; Rejected NOT_CONNECTED if the session is not online (the next
     *         reconciliation at ONLINE applies it)
     */
    public CompletionStage<SendResult> changeBlock(String username, String e164, boolean block)
            throws UnmappableJidException {
        String wa = ctx.jids().toWhatsApp(ctx.jids().fromE164(e164)).toString();
        Optional<AccountSession> online = sessions.find(username)
                .filter(s -> s.state().phase() == EngineState.Phase.ONLINE);
        if (online.isEmpty()) {
            return CompletableFuture.completedFuture(new SendResult.Rejected(SendResult.Reason.NOT_CONNECTED,
                    "not connected"));
        }
        return block ? online.get().account().block(wa) : online.get().account().unblock(wa);
    }

    /** @return the user's session, if one exists (for the admin page) */
    public Optional<AccountSession> session(String username) {
        return sessions.find(username);
    }
}
