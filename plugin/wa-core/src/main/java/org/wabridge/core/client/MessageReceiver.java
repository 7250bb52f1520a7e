/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.binary.Node;
import org.wabridge.core.iq.KeyBundle;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.DecodedMessage;
import org.wabridge.core.message.FromWaProto;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.MessageDecodeException;
import org.wabridge.core.message.MessagePadding;
import org.wabridge.core.message.PaddingException;
import org.wabridge.core.signal.CiphertextKind;
import org.wabridge.core.signal.DecryptedMessage;
import org.wabridge.core.signal.DuplicateMessageException;
import org.wabridge.core.signal.LocalIdentity;
import org.wabridge.core.signal.SignalException;
import org.wabridge.core.stanza.AckError;
import org.wabridge.core.stanza.Enc;
import org.wabridge.core.stanza.IncomingMessage;
import org.wabridge.core.stanza.ReceiptStanza;
import org.wabridge.core.stanza.RetryRequest;
import org.wabridge.core.stanza.StanzaException;
import org.wabridge.core.store.PendingInbound;

/**
 * The receive pipeline (whatsapp-protocol.md §5.6, §5.8, §8.4): decrypt, unpad and decode an incoming
 * {@code <message>}, hand it to the gateway as {@link WaEvent.MessageReceived}, and only after
 * {@link Handoff#delivered()} ack it to the server and send the delivery receipt. A failed or unanswered
 * handoff leaves the stanza unacked so WhatsApp redelivers it on the next connection; the decrypted content is
 * kept (bounded, in memory and in the {@link org.wabridge.core.store.PendingInboundStore}, which survives a
 * restart) for that redelivery because the Signal ratchet has already moved on. Redeliveries of handed-off
 * messages and Signal duplicates are dropped but acked. Undecryptable messages get retry receipts (bounded),
 * then {@link WaEvent.MessageUndecryptable}. Runs on the engine's serial queue.
 */
final class MessageReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(MessageReceiver.class);

    /** A decrypted message the gateway has not confirmed yet. */
    private static final class Pending {
        final IncomingMessage message;
        final String chat;
        final MessageContent content;
        boolean inFlight;
        /** Where the newest copy of the stanza arrived: the ack goes there. */
        WaConnection connection;
        Node node;

        Pending(IncomingMessage message, String chat, MessageContent content) {
            this.message = message;
            this.chat = chat;
            this.content = content;
        }
    }

    private final EngineContext ctx;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<String, Boolean> handedOff;
    private final Map<String, Integer> retryReceiptsSent;
    private final RetryPreKeyBudget retryPreKeys;

    MessageReceiver(EngineContext ctx) {
        this.ctx = ctx;
        this.handedOff = bounded(ctx.settings.seenIdsCapacity());
        // as large as the handed-off ids: a smaller map let interleaved ids reset each other's retry counts
        this.retryReceiptsSent = bounded(ctx.settings.seenIdsCapacity());
        this.retryPreKeys = new RetryPreKeyBudget(ctx.runtime.clock(), RetryPreKeyBudget.PER_HOUR);
    }

    private static <V> Map<String, V> bounded(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    int pendingHandoffs() {
        return pending.size();
    }

    void onMessage(WaConnection connection, Node node) {
        if (!connection.isOpen()) {
            return; // queued before its link ended: not acked, WhatsApp redelivers it in order on the next one
        }
        IncomingMessage message;
        try {
            message = IncomingMessage.fromNode(node);
        } catch (StanzaException e) {
            LOG.debug("malformed message stanza: {}", e.getMessage());
            EngineContext.ack(connection, node, AckError.PARSING_ERROR.code());
            return;
        }
        if (!fromOnePerson(message)) {
            // group, status broadcast or channel: not bridged yet, and decrypting its pairwise part under the
            // group's address would spend a prekey on the wrong session and break the sender's next 1:1 message
            LOG.debug("message of a group, broadcast or channel; nacked");
            EngineContext.ack(connection, node, AckError.UNRECOGNIZED_TYPE.code());
            return;
        }
        String key = message.from().toNonAd() + "|" + message.id();
        if (handedOff.containsKey(key)) {
            EngineContext.ack(connection, node, 0); // a redelivery of something the gateway already has
            return;
        }
        Pending known = pending.get(key);
        if (known != null) {
            known.connection = connection; // a redelivery: ack this copy once the gateway answers
            known.node = node;
            if (!known.inFlight) {
                offer(key, known); // redelivered after a failed handoff: try again
            }
            return;
        }
        if (pending.size() >= ctx.settings.maxPendingHandoffs() && !evictOldestIdle()) {
            // leaving just this one for redelivery would let the next ones overtake it: end the link instead,
            // so WhatsApp redelivers everything not acked, in order
            LOG.info("too many messages wait for the gateway; reconnecting so WhatsApp redelivers the rest");
            connection.abort("too many messages wait for the gateway");
            return;
        }
        decryptAndOffer(connection, node, key, message);
    }

    /**
     * Makes room by giving up the oldest message whose handoff failed and that WhatsApp has not redelivered:
     * its content cannot be decrypted a second time, so the gateway is told it arrived unreadable rather
     * than losing it silently. False when every pending message is still with the gateway.
     */
    private boolean evictOldestIdle() {
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (!e.getValue().inFlight) {
                IncomingMessage m = e.getValue().message;
                pending.remove(e.getKey());
                handedOff.put(e.getKey(), Boolean.TRUE);
                forget(e.getKey());
                ctx.emit(new WaEvent.MessageUndecryptable(m.id(), e.getValue().chat, Optional.of(m.from().toString()),
                        Instant.ofEpochSecond(m.t())));
                return true;
            }
        }
        return false;
    }

    private void decryptAndOffer(WaConnection connection, Node node, String key, IncomingMessage message) {
        Optional<Enc> enc = message.encs().stream()
                .filter(e -> e.kind().isPresent() && e.kind().get() != CiphertextKind.SKMSG).findFirst();
        if (enc.isEmpty()) {
            LOG.debug("message without a 1:1 ciphertext (group or unknown type); nacked");
            EngineContext.ack(connection, node, AckError.UNRECOGNIZED_TYPE.code());
            return;
        }
        DecryptedMessage decrypted;
        try {
            decrypted = ctx.crypto.decrypt(EngineContext.address(message.from()), enc.get().kind().get(),
                    enc.get().ciphertext());
        } catch (DuplicateMessageException e) {
            // Signal already saw it: either it was handed off before a restart (ack), or its handoff failed
            // and the kept copy is all that is left (offer it again)
            Optional<PendingInbound> kept = keptCopy(key);
            if (kept.isPresent()) {
                offerKept(connection, node, key, message, kept.get());
            } else {
                EngineContext.ack(connection, node, 0);
            }
            return;
        } catch (SignalException e) {
            LOG.info("could not decrypt a message: {}", e.getClass().getSimpleName());
            askForRetry(connection, node, key, message);
            return;
        }
        decrypted.identityChange().ifPresent(change -> ctx.emit(new WaEvent.IdentityChanged(
                message.from().toNonAd().toString(), message.from().device(),
                EngineContext.fingerprint(change.newKey()))));
        DecodedMessage decoded;
        byte[] unpadded;
        try {
            unpadded = MessagePadding.unpad(decrypted.plaintext());
            decoded = FromWaProto.fromBytes(unpadded);
        } catch (PaddingException | MessageDecodeException e) {
            LOG.info("decrypted message is not a valid WhatsApp message: {}", e.getMessage());
            retryReceiptsSent.remove(key);
            EngineContext.ack(connection, node, AckError.INVALID_PROTOBUF.code());
            ctx.emit(new WaEvent.MessageUndecryptable(message.id(), message.from().toNonAd().toString(),
                    Optional.of(message.from().toString()), Instant.ofEpochSecond(message.t())));
            return;
        }
        retryReceiptsSent.remove(key);
        String chat = chatOf(decoded, message.from(), ctx::isOwnAccount);
        keep(new PendingInbound(key, message.id(), chat, unpadded, ctx.runtime.clock().instant()));
        track(connection, node, key, new Pending(message, chat, decoded.content()));
    }

    /** A 1:1 message: from a person's address, without a group participant. */
    static boolean fromOnePerson(IncomingMessage message) {
        WaJid from = message.from();
        return from.hasUser() && message.participant().isEmpty() && !from.isGroup() && !from.isBroadcast()
                && !WaJid.NEWSLETTER_SERVER.equals(from.server());
    }

    /**
     * The chat a decrypted message belongs to: its sender's, except for a device-sent copy from one of our own
     * devices, which names the chat it went to. From anyone else that wrapper would let one contact's message
     * pose as another's, so it is ignored and the message counts as the sender's.
     */
    static String chatOf(DecodedMessage decoded, WaJid from, Predicate<WaJid> ownAccount) {
        if (decoded.sentToChat().isPresent() && !ownAccount.test(from)) {
            LOG.debug("a device-sent wrapper from another account; filed under its sender");
        }
        return decoded.sentToChat().filter(c -> ownAccount.test(from)).orElse(from.toNonAd().toString());
    }

    private void track(WaConnection connection, Node node, String key, Pending p) {
        p.connection = connection;
        p.node = node;
        pending.put(key, p);
        offer(key, p);
    }

    /** A redelivery after a restart: the content comes from the durable copy, the ratchet cannot repeat it. */
    private void offerKept(WaConnection connection, Node node, String key, IncomingMessage message,
                           PendingInbound kept) {
        DecodedMessage decoded;
        try {
            decoded = FromWaProto.fromBytes(kept.plaintext());
        } catch (MessageDecodeException e) {
            LOG.info("kept copy of a message is not readable: {}", e.getMessage());
            forget(key);
            EngineContext.ack(connection, node, 0);
            ctx.emit(new WaEvent.MessageUndecryptable(message.id(), kept.chatJid(),
                    Optional.of(message.from().toString()), Instant.ofEpochSecond(message.t())));
            return;
        }
        track(connection, node, key, new Pending(message, kept.chatJid(), decoded.content()));
    }

    /** Durable copy first, so a restart before the handoff loses nothing; a store failure only weakens that. */
    private void keep(PendingInbound record) {
        try {
            ctx.pendingInbound.put(record);
        } catch (RuntimeException e) {
            LOG.warn("could not keep a received message durably ({}); it survives only in memory",
                    e.getClass().getSimpleName());
        }
    }

    private Optional<PendingInbound> keptCopy(String key) {
        try {
            return ctx.pendingInbound.get(key);
        } catch (RuntimeException e) {
            LOG.warn("could not read kept messages ({})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private void forget(String key) {
        try {
            ctx.pendingInbound.remove(key);
        } catch (RuntimeException e) {
            LOG.warn("could not drop a delivered message's kept copy ({})", e.getClass().getSimpleName());
        }
    }

    private void offer(String key, Pending p) {
        p.inFlight = true;
        Handoff handoff = new Handoff();
        IncomingMessage m = p.message;
        try {
            ctx.emit(new WaEvent.MessageReceived(m.id(), p.chat, Optional.of(m.from().toString()),
                    Instant.ofEpochSecond(m.t()), p.content, handoff, m.offline()));
        } catch (RuntimeException e) {
            handoff.failed("event sink threw " + e.getClass().getSimpleName());
        }
        handoff.outcome().toCompletableFuture()
                .orTimeout(ctx.settings.handoffTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((outcome, failure) -> settle(key, p, outcome, failure), ctx.serial);
    }

    private void settle(String key, Pending p, Optional<String> outcome, Throwable failure) {
        if (failure != null || outcome.isPresent()) {
            p.inFlight = false; // keep the content: WhatsApp redelivers the stanza on the next connection
            LOG.info("gateway did not take a message ({}); it stays on WhatsApp's queue",
                    failure != null ? "no answer in time" : outcome.get());
            return;
        }
        pending.remove(key);
        handedOff.put(key, Boolean.TRUE);
        forget(key);
        if (p.connection.isOpen()) {
            EngineContext.ack(p.connection, p.node, 0);
            EngineContext.sendQuietly(p.connection, ReceiptStanza.delivery(p.message.id(), p.message.from().toNonAd(),
                    Optional.empty()).toNode());
        } // else: the redelivery on the next connection is recognised as handed off and acked then
    }

    /** Retry receipt (§5.8); after the bound, the gateway learns the message is unreadable and it is acked. */
    private void askForRetry(WaConnection connection, Node node, String key, IncomingMessage message) {
        int count = retryReceiptsSent.merge(key, 1, Integer::sum);
        if (count > ctx.settings.maxRetryReceipts()) {
            retryReceiptsSent.remove(key);
            handedOff.put(key, Boolean.TRUE);
            EngineContext.ack(connection, node, 0); // first, so the server's queue is clear when the gateway hears
            ctx.emit(new WaEvent.MessageUndecryptable(message.id(), message.from().toNonAd().toString(),
                    Optional.of(message.from().toString()), Instant.ofEpochSecond(message.t())));
            return;
        }
        LocalIdentity identity = ctx.crypto.localIdentity();
        // from the second attempt on, hand the sender fresh keys so it can start over (whatsmeow does the same)
        Optional<KeyBundle> keys = count > 1 ? Optional.of(freshKeys(identity)) : Optional.empty();
        RetryRequest request = RetryRequest.of(count, message.id(), message.t(), identity.registrationId(), keys);
        EngineContext.sendQuietly(connection,
                ReceiptStanza.retry(message.id(), message.from(), Optional.empty(), message.recipient(), request)
                        .toNode());
        EngineContext.ack(connection, node, 0);
    }

    private KeyBundle freshKeys(LocalIdentity identity) {
        return new KeyBundle(identity.registrationId(), identity.identityKey(),
                ctx.crypto.currentSignedPreKey().orElseGet(ctx.crypto::generateSignedPreKey),
                retryPreKeys.take() ? Optional.of(ctx.crypto.generateOneTimePreKeys(1).get(0)) : Optional.empty(),
                Optional.empty());
    }

}
