/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.binary.Node;
import org.wabridge.core.iq.UserDevices;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.stanza.AckError;
import org.wabridge.core.stanza.ChatStateStanza;
import org.wabridge.core.stanza.DevicesNotification;
import org.wabridge.core.stanza.IdentityChangeNotification;
import org.wabridge.core.stanza.Notification;
import org.wabridge.core.stanza.PreKeyCountNotification;
import org.wabridge.core.stanza.PresenceStanza;
import org.wabridge.core.stanza.ReceiptStanza;
import org.wabridge.core.stanza.StanzaException;

/**
 * Everything that is not an IQ answer, in wire order on the engine's serial queue: messages to the
 * {@link MessageReceiver}, receipts (retry receipts to the {@link RetryResponder}, the rest to the gateway),
 * server acks to the waiting sends, notifications (prekey refill, identity and device changes), presence and
 * chat states. Receipts and notifications are acked as §5.5 requires.
 */
final class InboundDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(InboundDispatcher.class);

    private final EngineContext ctx;
    private final MessageReceiver receiver;
    private final RetryResponder retries;

    InboundDispatcher(EngineContext ctx, MessageReceiver receiver, RetryResponder retries) {
        this.ctx = ctx;
        this.receiver = receiver;
        this.retries = retries;
    }

    void dispatch(WaConnection connection, Node node) {
        switch (node.tag()) {
            case "message":
                receiver.onMessage(connection, node);
                break;
            case "receipt":
                onReceipt(connection, node);
                break;
            case "ack":
                ctx.acks.complete(node);
                break;
            case "notification":
                onNotification(connection, node);
                break;
            case "presence":
                onPresence(node);
                break;
            case "chatstate":
                onChatState(node);
                break;
            default:
                LOG.debug("ignored <{}>", node.tag()); // ib markers, telemetry, calls
        }
    }

    private void onReceipt(WaConnection connection, Node node) {
        ReceiptStanza receipt;
        try {
            receipt = ReceiptStanza.fromNode(node);
        } catch (StanzaException | IllegalArgumentException e) {
            LOG.debug("malformed receipt: {}", e.getMessage());
            EngineContext.ack(connection, node, AckError.PARSING_ERROR.code());
            return;
        }
        EngineContext.ack(connection, node, 0);
        if (receipt.from().isEmpty()) {
            return;
        }
        if (receipt.retry().isPresent()) {
            retries.onRetryReceipt(connection, receipt);
            return;
        }
        WaJid from = receipt.from().get();
        receipt.toReceipt(ctx.runtime.clock().instant()).ifPresent(r -> ctx.emit(new WaEvent.ReceiptReceived(
                new Receipt(r.type(), from.toNonAd().toString(), r.participant(), r.messageIds(), r.timestamp()))));
    }

    private void onNotification(WaConnection connection, Node node) {
        Notification notification;
        try {
            notification = Notification.fromNode(node);
        } catch (StanzaException e) {
            LOG.debug("malformed notification: {}", e.getMessage());
            EngineContext.ack(connection, node, AckError.PARSING_ERROR.code());
            return;
        }
        if (notification instanceof PreKeyCountNotification) {
            ctx.bootstrap.refill(connection::request).whenComplete((uploaded, failure) -> {
                if (failure != null) {
                    LOG.info("prekey refill failed: {}", EngineContext.unwrap(failure).getMessage());
                } else {
                    LOG.debug("prekey refill uploaded {} keys", uploaded);
                }
            });
        } else if (notification instanceof IdentityChangeNotification) {
            forgetSessions(notification.from());
        } else if (notification instanceof DevicesNotification) {
            ctx.devices.invalidate(notification.from());
        }
        EngineContext.ack(connection, node, 0);
    }

    /**
     * A peer re-registered its identity (§5.10): its old sessions are useless, so they go and the next send
     * fetches new bundles, which reports the new key as {@link WaEvent.IdentityChanged}.
     */
    private void forgetSessions(WaJid user) {
        Optional<UserDevices> cached = ctx.devices.get(user);
        ctx.crypto.deleteSession(EngineContext.address(user.toNonAd()));
        cached.ifPresent(devices -> devices.deviceJids().forEach(d ->
                ctx.crypto.deleteSession(EngineContext.address(d))));
        ctx.devices.invalidate(user);
    }

    private void onPresence(Node node) {
        try {
            PresenceStanza presence = PresenceStanza.fromNode(node);
            if (presence.from().isEmpty() || presence.type().isPresent()
                    && presence.type().get() != PresenceStanza.Type.AVAILABLE
                    && presence.type().get() != PresenceStanza.Type.UNAVAILABLE) {
                return; // subscription requests are not availability updates
            }
            Optional<Instant> lastSeen = presence.lastSeen().isPresent()
                    ? Optional.of(Instant.ofEpochSecond(presence.lastSeen().getAsLong())) : Optional.empty();
            ctx.emit(new WaEvent.PresenceChanged(presence.from().get().toNonAd().toString(), presence.isAvailable(),
                    lastSeen));
        } catch (StanzaException | RuntimeException e) {
            LOG.debug("malformed presence: {}", e.getMessage());
        }
    }

    private void onChatState(Node node) {
        try {
            ChatStateStanza state = ChatStateStanza.fromNode(node);
            if (state.from().isPresent()) {
                ChatState c = state.toChatState();
                ctx.emit(new WaEvent.ChatStateChanged(new ChatState(state.from().get().toNonAd().toString(),
                        c.participant(), c.state(), c.audio())));
            }
        } catch (StanzaException | RuntimeException e) {
            LOG.debug("malformed chat state: {}", e.getMessage());
        }
    }
}
