/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.Edit;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.MessageRef;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.message.Revoke;
import org.wabridge.core.message.WaPayload;
import org.wabridge.openfire.WhatsAppSettings;
import org.wabridge.openfire.component.IqErrors;
import org.wabridge.openfire.convert.ConversionException;
import org.wabridge.openfire.convert.ToWhatsAppContext;
import org.wabridge.openfire.convert.ToWhatsAppMessage;
import org.wabridge.openfire.i18n.Messages;
import org.wabridge.openfire.id.UnmappableJidException;
import org.wabridge.openfire.ledger.LedgerEntry;
import org.wabridge.openfire.ledger.LedgerEntry.Direction;
import org.wabridge.openfire.ledger.LedgerException;
import org.wabridge.openfire.ledger.MessageState;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.session.AccountSession;
import org.wabridge.openfire.session.SessionRegistry;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

/**
 * XMPP → WhatsApp, for a message stanza from a local user to {@code +E164@<gateway>}. Runs on the component's
 * worker threads (blocking ledger I/O is fine there); the engine's answer is handled on the user's session
 * executor. Every refusal goes back to the sender as an XMPP error with a readable text: not registered,
 * not a WhatsApp address, malformed or oversized input, a correction or retraction outside WhatsApp's window,
 * and every {@link SendResult.Rejected} reason. A resent stanza (same id) whose first copy WhatsApp already
 * acknowledged is not sent twice.
 */
public final class OutboundRouter {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundRouter.class);

    /** Looks up a user's registration; empty if none. */
    @FunctionalInterface
    public interface Registrations {
        Optional<Registration> find(String username) throws Exception;
    }

    /** Messages one displayed marker marks read at most (the rest wait for the next marker). */
    static final int MAX_READ_PER_MARKER = 100;

    private final RoutingContext ctx;
    private final Registrations registrations;
    private final SessionRegistry sessions;
    private final FirstContactGate firstContact;
    private final ToWhatsAppMessage converter;

    public OutboundRouter(RoutingContext ctx, Registrations registrations, SessionRegistry sessions,
                          FirstContactGate firstContact) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.firstContact = Objects.requireNonNull(firstContact, "firstContact");
        this.converter = new ToWhatsAppMessage(ctx.clock());
    }

    /** Handles one message stanza addressed to a contact of the gateway. */
    public void handle(Message stanza) {
        if (stanza.getType() == Message.Type.error || stanza.getTo() == null || stanza.getTo().getNode() == null
                || stanza.getFrom() == null) {
            return; // errors are not answered; messages to the gateway itself are commands (elsewhere)
        }
        Locale locale = MessageErrors.localeOf(stanza, ctx.serverLocale().get());
        Messages texts = ctx.texts().apply(locale);
        Optional<Registration> registration;
        try {
            registration = registrations.find(stanza.getFrom().getNode());
        } catch (Exception e) {
            LOG.warn("Registration lookup failed: {}", e.toString());
            refuse(stanza, PacketError.Condition.internal_server_error,
                    texts.get("whatsapp.error.registration.store_failed"), locale);
            return;
        }
        if (registration.isEmpty() || !ctx.jids().gatewayJid().getDomain().equals(stanza.getTo().getDomain())) {
            refuse(stanza, PacketError.Condition.registration_required,
                    texts.get("whatsapp.error.registration.not_registered"), locale);
            return;
        }
        if (registration.get().state() != Registration.State.LINKED) {
            refuse(stanza, PacketError.Condition.registration_required, texts.get("whatsapp.error.pending"), locale);
            return;
        }
        WaJid contact;
        try {
            contact = ctx.jids().toWhatsApp(stanza.getTo());
        } catch (UnmappableJidException e) {
            refuse(stanza, PacketError.Condition.jid_malformed,
                    texts.get("whatsapp.error.not_a_contact", ctx.jids().gatewayJid().getDomain()), locale);
            return;
        }
        AccountSession session = sessions.open(registration.get());
        List<WaPayload> payloads;
        try {
            ToWhatsAppContext tc = new ToWhatsAppContext(stanza.getFrom(), session.self(), contact, ctx.ids());
            payloads = converter.convert(stanza, tc);
            checkWindows(session.username(), payloads, texts);
        } catch (ConversionException e) {
            refuse(stanza, IqErrors.condition(e.reason()), texts.get(e.reason().i18nKey(), e.getMessage()), locale);
            return;
        } catch (WindowException e) {
            refuse(stanza, PacketError.Condition.not_acceptable, e.getMessage(), locale);
            return;
        }
        for (WaPayload payload : payloads) {
            if (payload instanceof MessageContent) {
                sendContent(session, stanza, contact, (MessageContent) payload, texts, locale);
            } else if (payload instanceof ChatState) {
                session.account().sendChatState((ChatState) payload);
            } else if (payload instanceof Receipt) {
                sendReceipt(session, (Receipt) payload);
            }
        }
    }

    /** The user subscribed to a contact or wrote to it: held first-contact messages are released. */
    public void accepted(String username, JID contact) {
        Optional<AccountSession> session = sessions.find(username);
        List<Runnable> released = firstContact.accept(username, contact);
        session.ifPresent(s -> released.forEach(r -> r.run()));
    }

    private void sendContent(AccountSession session, Message stanza, WaJid contact, MessageContent content,
                             Messages texts, Locale locale) {
        String username = session.username();
        String peer = contact.toString();
        String xmppId = xmppIdOf(stanza);
        String waId = MessageIds.derive(username, peer, xmppId);
        Instant now = ctx.clock().instant();
        try {
            Optional<LedgerEntry> earlier = ctx.ledger().find(username, Direction.OUT, peer, waId);
            if (earlier.isPresent() && earlier.get().state() != MessageState.QUEUED) {
                if (earlier.get().state() != MessageState.FAILED) {
                    LOG.debug("Stanza {} was already sent as {}; not sending it twice", xmppId, waId);
                    return;
                }
                waId = MessageIds.derive(username, peer, xmppId + '\u0000' + now.toEpochMilli());
            }
            ctx.ledger().insert(LedgerEntry.of(username, Direction.OUT, peer, waId, xmppId, MessageState.QUEUED, now));
        } catch (LedgerException e) {
            LOG.warn("Message ledger not writable; message not sent: {}", e.getMessage());
            refuse(stanza, PacketError.Condition.internal_server_error, texts.get("whatsapp.error.ledger"), locale);
            return;
        }
        accepted(username, stanza.getTo());
        String id = waId;
        session.account().sendMessage(peer, id, content).whenCompleteAsync((result, error) -> {
            SendResult outcome = error != null
                    ? new SendResult.Rejected(SendResult.Reason.SERVER_ERROR, error.getClass().getSimpleName())
                    : result;
            recordOutcome(username, peer, id, outcome);
            if (outcome instanceof SendResult.Rejected) {
                SendResult.Rejected rejected = (SendResult.Rejected) outcome;
                LOG.debug("WhatsApp refused message {} of {}: {}", id, username, rejected.reason());
                ctx.delivery().send(MessageErrors.bounce(stanza, rejected.reason(), texts, locale));
            }
        }, session.executor());
    }

    private void recordOutcome(String username, String peer, String waId, SendResult outcome) {
        try {
            if (outcome instanceof SendResult.Accepted) {
                ctx.ledger().advance(username, Direction.OUT, peer, waId, MessageState.SERVER_ACKED, Optional.empty(),
                        ctx.clock().instant());
            } else {
                SendResult.Rejected r = (SendResult.Rejected) outcome;
                ctx.ledger().advance(username, Direction.OUT, peer, waId, MessageState.FAILED,
                        Optional.of(r.reason() + ": " + r.plainWords()), ctx.clock().instant());
            }
        } catch (LedgerException e) {
            LOG.warn("Send outcome not recorded in the ledger: {}", e.getMessage());
        }
    }

    private void sendReceipt(AccountSession session, Receipt single) {
        Receipt receipt = coveringEarlier(session.username(), single);
        MessageState state = receipt.type() == Receipt.Type.DELIVERED ? MessageState.DELIVERED : MessageState.READ;
        session.account().sendReceipt(receipt).thenAcceptAsync(result -> {
            if (result instanceof SendResult.Accepted && state == MessageState.READ) {
                for (String id : receipt.messageIds()) {
                    try {
                        ctx.ledger().advance(session.username(), Direction.IN, receipt.chatJid(), id, state,
                                Optional.empty(), ctx.clock().instant());
                    } catch (LedgerException e) {
                        LOG.warn("Read state not recorded in the ledger: {}", e.getMessage());
                    }
                }
            }
        }, session.executor());
    }

    /**
     * A displayed marker names the last message the user saw and stands for every earlier one (XEP-0333 §4);
     * WhatsApp wants each read message named, so the contact's unread ones up to it are added (bounded).
     */
    private Receipt coveringEarlier(String username, Receipt receipt) {
        if (receipt.type() != Receipt.Type.READ || receipt.messageIds().size() != 1) {
            return receipt;
        }
        String target = receipt.messageIds().get(0);
        try {
            Optional<LedgerEntry> row = ctx.ledger().find(username, Direction.IN, receipt.chatJid(), target);
            if (row.isEmpty()) {
                return receipt;
            }
            Set<String> ids = new LinkedHashSet<>();
            ids.add(target);
            ids.addAll(ctx.ledger().unreadUpTo(username, receipt.chatJid(), row.get().created(),
                    MAX_READ_PER_MARKER));
            return new Receipt(receipt.type(), receipt.chatJid(), receipt.participant(), List.copyOf(ids),
                    receipt.timestamp());
        } catch (LedgerException e) {
            LOG.warn("Earlier unread messages not looked up: {}", e.getMessage());
            return receipt;
        }
    }

    /** Refuses corrections and retractions outside WhatsApp's windows (settings edit/revoke window). */
    private void checkWindows(String username, List<WaPayload> payloads, Messages texts)
            throws WindowException {
        WhatsAppSettings settings = ctx.settings().get();
        for (WaPayload p : payloads) {
            if (p instanceof Edit) {
                checkWindow(username, ((Edit) p).target(), settings.editWindow(), "whatsapp.error.edit_window", texts);
            } else if (p instanceof Revoke) {
                checkWindow(username, ((Revoke) p).target(), settings.revokeWindow(), "whatsapp.error.revoke_window",
                        texts);
            }
        }
    }

    private void checkWindow(String username, MessageRef target, Duration window, String key, Messages texts)
            throws WindowException {
        Optional<LedgerEntry> sent;
        try {
            sent = ctx.ledger().find(username, Direction.OUT, target.chatJid(), target.id());
        } catch (LedgerException e) {
            sent = Optional.empty(); // the converter found it a moment ago; do not refuse on a read hiccup
        }
        if (sent.isPresent() && Duration.between(sent.get().created(), ctx.clock().instant()).compareTo(window) > 0) {
            throw new WindowException(texts.get(key, window.toMinutes()));
        }
    }

    private void refuse(Message stanza, PacketError.Condition condition, String text, Locale locale) {
        ctx.delivery().send(MessageErrors.bounce(stanza, condition, text, locale));
    }

    /** The id the user's clients know: XEP-0359 origin-id if present, else the stanza id, else a fresh one. */
    private String xmppIdOf(Message stanza) {
        org.dom4j.Element origin = stanza.getChildElement("origin-id", "urn:xmpp:sid:0");
        String id = origin != null ? origin.attributeValue("id") : null;
        if (id == null || id.isBlank()) {
            id = stanza.getID();
        }
        if (id == null || id.isBlank() || id.length() > LedgerEntry.MAX_XMPP_ID) {
            id = "gw-" + java.util.UUID.randomUUID();
        }
        return id;
    }

    /** A correction or retraction came too late; the message is the user-facing text. */
    private static final class WindowException extends Exception {
        private static final long serialVersionUID = 1L;

        WindowException(String text) {
            super(text);
        }
    }
}
