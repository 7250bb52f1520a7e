/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.jid.InvalidJidException;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.Receipt;
import org.wabridge.openfire.blocking.BlockListStoreException;
import org.wabridge.openfire.blocking.ToWhatsAppBlockSync;
import org.wabridge.openfire.component.ContactFeatures;
import org.wabridge.openfire.convert.FromWhatsAppChatState;
import org.wabridge.openfire.convert.FromWhatsAppContent;
import org.wabridge.openfire.convert.FromWhatsAppContext;
import org.wabridge.openfire.convert.FromWhatsAppReceipt;
import org.wabridge.openfire.ledger.LedgerEntry;
import org.wabridge.openfire.ledger.LedgerEntry.Direction;
import org.wabridge.openfire.ledger.MessageState;
import org.wabridge.openfire.roster.RosterException;
import org.wabridge.openfire.session.AccountSession;
import org.wabridge.openfire.session.GatewayPresence;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

/**
 * WhatsApp → XMPP. Runs on the user's session executor. A received message is recorded in the ledger first;
 * a WhatsApp id already DELIVERED is not routed again (the engine may redeliver after a reconnect) and only
 * confirmed. Otherwise it is converted (XEP-0359 stanza id; XEP-0203 delay when WhatsApp replayed it from its
 * offline queue or it waited longer than {@link #DELAY_THRESHOLD}), handed to Openfire (live session or offline
 * storage), marked DELIVERED, and only then is the engine's handoff confirmed; any failure fails the handoff so
 * WhatsApp redelivers. Messages, typing and presence of a number the user blocked are dropped (a message is
 * confirmed, so WhatsApp does not offer it again); each time the session comes online WhatsApp's block list is
 * brought in line with the gateway's ({@link ToWhatsAppBlockSync}).
 */
public final class InboundRouter implements AccountSession.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(InboundRouter.class);

    /** A message older than this when it arrives is stamped with a XEP-0203 delay. */
    public static final Duration DELAY_THRESHOLD = Duration.ofSeconds(10);

    private final RoutingContext ctx;
    private final FirstContactGate firstContact;
    private final ToWhatsAppBlockSync blockSync;

    public InboundRouter(RoutingContext ctx, FirstContactGate firstContact) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.firstContact = Objects.requireNonNull(firstContact, "firstContact");
        this.blockSync = new ToWhatsAppBlockSync(ctx.blocked(), ctx.jids());
    }

    @Override
    public void onState(AccountSession session, EngineState state) {
        ctx.delivery().send(GatewayPresence.of(state, ctx.jids().gatewayJid(), session.user(), ctx.serverTexts()));
        if (state.phase() == EngineState.Phase.STOPPED && !session.wantsOpen()) {
            firstContact.release(session.username());
        }
        if (state.phase() == EngineState.Phase.ONLINE) {
            blockSync.reconcile(session.username(), session.account());
        }
    }

    @Override
    public void onEvent(AccountSession session, WaEvent event) {
        if (event instanceof WaEvent.MessageReceived) {
            onMessage(session, (WaEvent.MessageReceived) event);
        } else if (event instanceof WaEvent.ReceiptReceived) {
            onReceipt(session, ((WaEvent.ReceiptReceived) event).receipt());
        } else if (event instanceof WaEvent.ChatStateChanged) {
            onChatState(session, (WaEvent.ChatStateChanged) event);
        } else if (event instanceof WaEvent.MessageUndecryptable) {
            onUndecryptable(session, (WaEvent.MessageUndecryptable) event);
        } else if (event instanceof WaEvent.PresenceChanged) {
            onPresence(session, (WaEvent.PresenceChanged) event);
        } else if (event instanceof WaEvent.IdentityChanged) {
            onIdentityChanged(session, (WaEvent.IdentityChanged) event);
        }
        // Connected, Disconnected, TokenRejected: shown through StateChanged (onState)
    }

    private void onMessage(AccountSession session, WaEvent.MessageReceived m) {
        String username = session.username();
        Optional<Contact> contact = contact(m.chatJid());
        if (contact.isEmpty()) {
            m.handoff().failed("chat kind not bridged");
            return;
        }
        if (!sentByTheContact(m)) {
            // a copy of what the account sent from another of its devices: the gateway has no way to show it as
            // the user's own words, and showing it as the contact's would put words in their mouth
            LOG.debug("Message {} is not from the contact of its chat; not shown", m.messageId());
            m.handoff().delivered();
            return;
        }
        if (blocked(username, contact.get())) {
            LOG.debug("Message {} from a blocked number dropped", m.messageId());
            m.handoff().delivered(); // the user's choice: WhatsApp must not offer it again
            return;
        }
        String peer = contact.get().wa().toString();
        try {
            Optional<LedgerEntry> known = ctx.ledger().find(username, Direction.IN, peer, m.messageId());
            if (known.isPresent() && known.get().state().compareTo(MessageState.DELIVERED) >= 0) {
                LOG.debug("WhatsApp message {} already delivered; confirming only", m.messageId());
                m.handoff().delivered();
                return;
            }
            JID contactJid = contact.get().xmpp();
            boolean inRoster = ctx.roster().hasContact(username, contactJid);
            boolean first = known.isEmpty() && !inRoster && !ctx.ledger().hasConversation(username, peer);
            if (known.isEmpty()) {
                ctx.ledger().insert(LedgerEntry.of(username, Direction.IN, peer, m.messageId(), m.messageId(),
                        MessageState.QUEUED, ctx.clock().instant()));
            }
            Runnable deliver = () -> deliver(session, m, contact.get());
            // under quarantine a contact is accepted once it is in the roster (the user wrote to it or added it)
            if (firstContact.isHeld(username, contactJid)
                    || (!inRoster && ctx.settings().get().firstContactQuarantine())) {
                firstContact.hold(session.user(), contactJid, m.messageId(),
                        () -> session.executor().execute(deliver), m.handoff());
                return;
            }
            if (first) {
                firstContact.welcome(session.user(), contactJid);
            }
            deliver.run();
        } catch (Exception e) {
            LOG.warn("WhatsApp message {} for {} not handed over: {}", m.messageId(), username, e.toString());
            m.handoff().failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void deliver(AccountSession session, WaEvent.MessageReceived m, Contact contact) {
        try {
            Instant now = ctx.clock().instant();
            boolean delayed = m.fromOfflineQueue()
                    || Duration.between(m.timestamp(), now).compareTo(DELAY_THRESHOLD) > 0;
            FromWhatsAppContext fc = new FromWhatsAppContext(session.user(), contact.xmpp(),
                    ctx.jids().gatewayJid(), contact.wa(), m.timestamp(), delayed, ctx.ids());
            Message stanza = new FromWhatsAppContent(ctx.serverTexts()).convert(m.content(), m.messageId(), fc);
            XmppDelivery.Outcome outcome = ctx.delivery().deliver(stanza);
            ctx.ledger().advance(session.username(), Direction.IN, contact.wa().toString(), m.messageId(),
                    MessageState.DELIVERED, Optional.empty(), ctx.clock().instant());
            LOG.debug("WhatsApp message {} handed to Openfire: {}", m.messageId(), outcome);
            m.handoff().delivered();
        } catch (Exception e) {
            LOG.warn("WhatsApp message {} for {} not handed over: {}", m.messageId(), session.username(),
                    e.toString());
            m.handoff().failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void onReceipt(AccountSession session, Receipt receipt) {
        Optional<Contact> contact = contact(receipt.chatJid());
        if (contact.isEmpty()) {
            return;
        }
        MessageState state = receipt.type() == Receipt.Type.DELIVERED ? MessageState.DELIVERED : MessageState.READ;
        for (String id : receipt.messageIds()) {
            try {
                ctx.ledger().advance(session.username(), Direction.OUT, contact.get().wa().toString(), id, state,
                        Optional.empty(), ctx.clock().instant());
            } catch (Exception e) {
                LOG.warn("Receipt not recorded in the ledger: {}", e.getMessage());
            }
        }
        FromWhatsAppContext fc = context(session, contact.get(), receipt.timestamp());
        for (Message m : FromWhatsAppReceipt.convert(receipt, "wa-receipt-" + ctx.clock().millis(), fc)) {
            ctx.delivery().send(m);
        }
    }

    private void onChatState(AccountSession session, WaEvent.ChatStateChanged e) {
        Optional<Contact> contact = contact(e.chatState().chatJid());
        if (contact.isPresent() && !blocked(session.username(), contact.get())
                && ctx.delivery().isOnline(session.username())) {
            ctx.delivery().send(FromWhatsAppChatState.convert(e.chatState(),
                    context(session, contact.get(), ctx.clock().instant())));
        }
    }

    private void onUndecryptable(AccountSession session, WaEvent.MessageUndecryptable e) {
        Optional<Contact> contact = contact(e.chatJid());
        if (contact.isEmpty()) {
            return;
        }
        notice(session, contact.get(), "wa-undecryptable-" + e.messageId(), "whatsapp.gateway.undecryptable");
    }

    private void onIdentityChanged(AccountSession session, WaEvent.IdentityChanged e) {
        Optional<Contact> contact = contact(e.jid());
        if (contact.isPresent()) {
            notice(session, contact.get(), "wa-identity-" + ctx.clock().millis(), "whatsapp.gateway.identity_changed");
        }
    }

    private void notice(AccountSession session, Contact contact, String id, String key) {
        Message m = new Message();
        m.setType(Message.Type.chat);
        m.setFrom(contact.xmpp());
        m.setTo(session.user());
        m.setID(id);
        m.setBody(ctx.serverTexts().get(key));
        try {
            ctx.delivery().deliver(m);
        } catch (DeliveryException ex) {
            LOG.warn("Notice for {} not delivered: {}", session.username(), ex.getMessage());
        }
    }

    private void onPresence(AccountSession session, WaEvent.PresenceChanged e) {
        Optional<Contact> contact = contact(e.jid());
        if (contact.isEmpty() || blocked(session.username(), contact.get())
                || !inRoster(session.username(), contact.get())) {
            return; // a contact the user removed (or never added) shows no presence
        }
        Presence p = new Presence();
        p.setFrom(contact.get().xmpp());
        p.setTo(session.user());
        if (!e.available()) {
            p.setType(Presence.Type.unavailable);
        } else {
            p.getElement().add(ContactFeatures.caps().toElement()); // what the client may use with the contact
        }
        ctx.delivery().send(p);
    }

    private FromWhatsAppContext context(AccountSession session, Contact contact, Instant at) {
        return new FromWhatsAppContext(session.user(), contact.xmpp(), ctx.jids().gatewayJid(), contact.wa(), at,
                false, ctx.ids());
    }

    /** A WhatsApp user as both addresses; empty for groups and other chats the gateway does not bridge. */
    private record Contact(WaJid wa, JID xmpp) {
    }

    private boolean inRoster(String username, Contact contact) {
        try {
            return ctx.roster().hasContact(username, contact.xmpp());
        } catch (RosterException e) {
            LOG.debug("Roster of {} not readable: {}", username, e.getMessage());
            return false;
        }
    }

    /** A store failure counts as not blocked: nothing is dropped on a database hiccup. */
    private boolean blocked(String username, Contact contact) {
        try {
            return ctx.blocked().isBlocked(username, contact.xmpp().getNode());
        } catch (BlockListStoreException e) {
            LOG.warn("Block list of {} not readable: {}", username, e.getMessage());
            return false;
        }
    }

    /** Sender and chat in the engine's own addressing; a message without a sender counts as the chat's. */
    private static boolean sentByTheContact(WaEvent.MessageReceived m) {
        if (m.senderJid().isEmpty()) {
            return true;
        }
        try {
            return WaJid.parse(m.senderJid().get()).toNonAd().equals(WaJid.parse(m.chatJid()).toNonAd());
        } catch (InvalidJidException e) {
            return false;
        }
    }

    private Optional<Contact> contact(String waJid) {
        try {
            WaJid parsed = WaJid.parse(waJid);
            JID xmpp = ctx.jids().toXmpp(parsed);
            return Optional.of(new Contact(ctx.jids().toWhatsApp(xmpp), xmpp));
        } catch (Exception e) {
            LOG.debug("Not a bridged chat: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
