/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.binary.Node;
import org.wabridge.core.iq.IqErrorException;
import org.wabridge.core.iq.PreKeyFetchIq;
import org.wabridge.core.iq.UserDevices;
import org.wabridge.core.iq.UsyncDevicesIq;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.ToWaProto;
import org.wabridge.core.proto.WaMessageProtos.Message;
import org.wabridge.core.signal.EncryptedMessage;
import org.wabridge.core.signal.SessionEstablished;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalException;
import org.wabridge.core.stanza.AckError;
import org.wabridge.core.stanza.Enc;
import org.wabridge.core.stanza.OutgoingMessage;
import org.wabridge.core.stanza.ServerAck;
import org.wabridge.core.stanza.StanzaException;
import org.wabridge.core.store.SentMessageRecord;
import org.wabridge.core.transport.TransportClosedException;
import org.wabridge.core.transport.TransportException;

/**
 * The send pipeline (whatsapp-protocol.md §5.4, §5.5): device lists of the peer and of our own account via
 * usync (cached), prekey bundles for devices without a session, padded per-device encryption, the
 * {@code <message>} with its {@code <participants>}, then the server's ack as a {@link SendResult}. The
 * plaintext is kept in the {@code RecentSentStore} so retry receipts can be answered ({@link RetryResponder}).
 * Signal work runs on the engine's serial queue; IQ answers are awaited without blocking.
 */
final class MessageSender {
    private static final Logger LOG = LoggerFactory.getLogger(MessageSender.class);

    private final EngineContext ctx;

    MessageSender(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** What one send carries from step to step. */
    private record Prepared(String id, WaJid chat, String type, Optional<String> edit, boolean hide,
                            byte[] plain, byte[] ownCopy) {
    }

    CompletionStage<SendResult> send(WaConnection connection, WaJid peer, String messageId, MessageContent content) {
        Prepared p;
        try {
            Message proto = ToWaProto.toProto(content);
            p = new Prepared(messageId, peer.toNonAd(), ToWaProto.stanzaType(content), ToWaProto.editAttribute(content),
                    ToWaProto.hideOnDecryptFailure(content), proto.toByteArray(),
                    ToWaProto.wrapForOwnDevices(proto, peer.toNonAd().toString()).toByteArray());
        } catch (RuntimeException e) {
            return done(new SendResult.Rejected(SendResult.Reason.UNSUPPORTED_CONTENT,
                    "the message cannot be expressed on WhatsApp: " + e.getMessage()));
        }
        WaJid ownAccount = ctx.self.toNonAd();
        return deviceLists(connection, List.of(p.chat(), ownAccount))
                .thenComposeAsync(lists -> {
                    UserDevices peerDevices = lists.get(p.chat());
                    if (peerDevices == null || peerDevices.error().isPresent() || peerDevices.devices().isEmpty()) {
                        return done(new SendResult.Rejected(SendResult.Reason.UNKNOWN_USER,
                                "WhatsApp has no account or device behind this address"));
                    }
                    List<WaJid> peerTargets = peerDevices.deviceJids();
                    List<WaJid> ownTargets = new ArrayList<>();
                    UserDevices own = lists.get(ownAccount);
                    if (own != null && own.error().isEmpty() && !p.chat().equals(ownAccount)) {
                        for (WaJid d : own.deviceJids()) {
                            if (d.device() != ctx.self.device()) {
                                ownTargets.add(d);
                            }
                        }
                    }
                    List<WaJid> all = new ArrayList<>(peerTargets);
                    all.addAll(ownTargets);
                    return ensureSessions(connection, all).thenComposeAsync(
                            ready -> transmit(connection, p, encrypt(p, peerTargets, ownTargets)), ctx.serial);
                }, ctx.serial)
                .exceptionally(MessageSender::failed);
    }

    /** Device lists for {@code users}, from the cache or one usync for the missing ones. */
    CompletionStage<Map<WaJid, UserDevices>> deviceLists(WaConnection connection, List<WaJid> users) {
        Map<WaJid, UserDevices> found = new HashMap<>();
        List<WaJid> missing = new ArrayList<>();
        for (WaJid user : users) {
            Optional<UserDevices> cached = ctx.devices.get(user);
            if (cached.isPresent()) {
                found.put(user.toNonAd(), cached.get());
            } else if (!missing.contains(user.toNonAd())) {
                missing.add(user.toNonAd());
            }
        }
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(found);
        }
        String sid = Long.toHexString(ctx.runtime.random().nextLong());
        return connection.request(UsyncDevicesIq.of(sid, missing)).thenApply(answer -> {
            for (UserDevices user : answer) {
                found.put(user.jid().toNonAd(), user);
                if (user.error().isEmpty()) {
                    ctx.devices.put(user);
                }
            }
            return found;
        });
    }

    /**
     * Builds sessions for the devices that have none from freshly fetched bundles. Devices whose bundle is
     * missing or bad are skipped here and simply get no ciphertext.
     */
    CompletionStage<Void> ensureSessions(WaConnection connection, List<WaJid> devices) {
        List<WaJid> missing = new ArrayList<>();
        for (WaJid d : devices) {
            if (!ctx.crypto.hasSession(EngineContext.address(d))) {
                missing.add(d);
            }
        }
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return connection.request(PreKeyFetchIq.of(missing)).handleAsync((bundles, failure) -> {
            if (failure != null) {
                LOG.debug("prekey fetch failed: {}", EngineContext.unwrap(failure).toString());
                return null;
            }
            for (PreKeyFetchIq.UserBundle b : bundles) {
                if (b.bundle().isEmpty()) {
                    LOG.debug("no prekey bundle for a device: {}", b.error().map(e -> e.code()).orElse(0));
                    continue;
                }
                buildSession(b.jid(), b.bundle().get().toPreKeyBundle(b.jid().device()));
            }
            return null;
        }, ctx.serial);
    }

    /** Builds a session from a bundle, reporting a changed identity; false if the bundle was refused. */
    boolean buildSession(WaJid device, org.wabridge.core.signal.PreKeyBundle bundle) {
        SignalAddress address = EngineContext.address(device);
        try {
            SessionEstablished established = ctx.crypto.buildSession(address, bundle);
            established.identityChange().ifPresent(change -> ctx.emit(new WaEvent.IdentityChanged(
                    device.toNonAd().toString(), device.device(), EngineContext.fingerprint(change.newKey()))));
            return true;
        } catch (SignalException e) {
            LOG.info("could not start a Signal session with a device: {}", e.getMessage());
            return false;
        }
    }

    private List<OutgoingMessage.DeviceEnc> encrypt(Prepared p, List<WaJid> peerTargets, List<WaJid> ownTargets) {
        List<OutgoingMessage.DeviceEnc> out = new ArrayList<>();
        for (WaJid d : peerTargets) {
            encryptFor(d, p.plain(), p.hide()).ifPresent(out::add);
        }
        if (out.isEmpty()) {
            return out; // no peer device reachable: own copies alone would be a message to nobody
        }
        for (WaJid d : ownTargets) {
            encryptFor(d, p.ownCopy(), p.hide()).ifPresent(out::add);
        }
        return out;
    }

    Optional<OutgoingMessage.DeviceEnc> encryptFor(WaJid device, byte[] plain, boolean hide) {
        try {
            EncryptedMessage m = ctx.crypto.encrypt(EngineContext.address(device), ctx.padding.pad(plain));
            Enc enc = Enc.of(m.kind(), m.ciphertext());
            return Optional.of(new OutgoingMessage.DeviceEnc(device, hide ? enc.hiddenOnDecryptFail() : enc));
        } catch (SignalException e) {
            LOG.debug("encryption for a device failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private CompletionStage<SendResult> transmit(WaConnection connection, Prepared p,
                                                 List<OutgoingMessage.DeviceEnc> participants) {
        if (participants.isEmpty()) {
            return done(new SendResult.Rejected(SendResult.Reason.ENCRYPTION_FAILED,
                    "no device of the recipient could be encrypted for (no usable prekeys)"));
        }
        ctx.recentSent.put(new SentMessageRecord(p.id(), p.chat().toString(), p.type(), p.edit(), p.plain(),
                ctx.runtime.clock().instant()));
        String key = AckWaiters.key("message", p.id(), Optional.empty());
        Optional<CompletableFuture<Node>> wait = ctx.acks.register(key, ctx.settings.ackTimeout());
        if (wait.isEmpty()) {
            return done(new SendResult.Rejected(SendResult.Reason.RATE_LIMITED,
                    "too many messages are waiting for WhatsApp's confirmation; try again shortly"));
        }
        try {
            connection.send(new OutgoingMessage(p.id(), p.type(), p.chat(), p.edit(), participants,
                    Optional.empty()).toNode());
        } catch (TransportException e) {
            ctx.acks.forget(key);
            return done(new SendResult.Rejected(SendResult.Reason.NOT_CONNECTED, "the connection to WhatsApp is down"));
        }
        return wait.get().handle((ack, failure) -> failure != null ? failed(failure) : accepted(p, ack));
    }

    private SendResult accepted(Prepared p, Node node) {
        ServerAck ack;
        try {
            ack = ServerAck.fromNode(node);
        } catch (StanzaException e) {
            return new SendResult.Rejected(SendResult.Reason.SERVER_ERROR, "malformed ack from WhatsApp");
        }
        if (ack.phash().isPresent()) { // the peer's device list changed: refetch next time (§5.2)
            ctx.devices.invalidate(p.chat());
            ctx.devices.invalidate(ctx.self);
        }
        if (ack.isError()) {
            return rejectedByServer(ack.error().getAsInt());
        }
        java.time.Instant t = ack.t().isPresent() ? java.time.Instant.ofEpochSecond(ack.t().getAsLong())
                : ctx.runtime.clock().instant();
        return new SendResult.Accepted(p.id(), t);
    }

    static SendResult rejectedByServer(int code) {
        Optional<AckError> known = AckError.fromCode(code);
        if (known.isEmpty()) {
            return new SendResult.Rejected(SendResult.Reason.SERVER_ERROR, "WhatsApp refused the message (" + code + ")");
        }
        switch (known.get()) {
            case REACH_OUT_LIMIT:
                return new SendResult.Rejected(SendResult.Reason.REACH_OUT_LIMIT,
                        "new conversations are temporarily blocked by WhatsApp (463); do not retry now");
            case RECIPIENT_NOT_OPTED_IN:
                return new SendResult.Rejected(SendResult.Reason.NOT_OPTED_IN,
                        "this WhatsApp user has not turned on chats with other apps");
            case UNKNOWN_USER:
                return new SendResult.Rejected(SendResult.Reason.UNKNOWN_USER, "no WhatsApp account behind this address");
            case RATE_LIMITED:
                return new SendResult.Rejected(SendResult.Reason.RATE_LIMITED,
                        "WhatsApp is throttling messages from this account; try again later");
            default:
                return new SendResult.Rejected(SendResult.Reason.SERVER_ERROR,
                        "WhatsApp refused the message (" + code + ")");
        }
    }

    static SendResult failed(Throwable failure) {
        Throwable cause = EngineContext.unwrap(failure);
        if (cause instanceof TimeoutException || cause instanceof IqTimeoutException) {
            return new SendResult.Rejected(SendResult.Reason.TIMEOUT,
                    "WhatsApp did not confirm in time; the message may or may not have arrived");
        }
        if (cause instanceof TransportClosedException || cause instanceof TransportException) {
            return new SendResult.Rejected(SendResult.Reason.TIMEOUT,
                    "the connection ended before WhatsApp confirmed; the message may or may not have arrived");
        }
        if (cause instanceof IqErrorException) {
            return new SendResult.Rejected(SendResult.Reason.SERVER_ERROR,
                    "WhatsApp refused a lookup (" + ((IqErrorException) cause).code() + ")");
        }
        LOG.warn("send failed unexpectedly: {}", cause.toString());
        return new SendResult.Rejected(SendResult.Reason.SERVER_ERROR, "sending failed: " + cause.getClass().getSimpleName());
    }

    static CompletionStage<SendResult> done(SendResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
