/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.binary.Node;
import org.wabridge.core.client.bootstrap.LoginBootstrap;
import org.wabridge.core.iq.BlocklistIq;
import org.wabridge.core.jid.InvalidJidException;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.stanza.ChatStateStanza;
import org.wabridge.core.stanza.PresenceStanza;
import org.wabridge.core.stanza.ReceiptStanza;
import org.wabridge.core.stanza.ReceiptType;
import org.wabridge.core.transport.TransportClosedException;
import org.wabridge.core.transport.TransportException;

/**
 * One bridged user's WhatsApp session (issue 6): the {@link WaAccount} the gateway drives. It connects through
 * {@link EngineConnector} (fresh credentials per attempt, rate limit, {@link RecoveryPolicy}), bootstraps the
 * keys after {@code <success>}, then runs the send pipeline ({@link MessageSender}), the receive pipeline with
 * ack-after-handoff ({@link MessageReceiver}) and the retry-receipt answers ({@link RetryResponder}).
 *
 * <p>No thread of its own: all state lives on one {@link SerialExecutor} over {@link EngineRuntime#crypto()},
 * sockets on {@link EngineRuntime#io()}, timers on {@link EngineRuntime#scheduler()}. Build with
 * {@link #builder()}.
 */
public final class WaEngine implements WaAccount {
    private static final Logger LOG = LoggerFactory.getLogger(WaEngine.class);

    private final EngineContext ctx;
    private final EngineConnector connector;
    private final MessageSender sender;
    private final MessageReceiver receiver;
    private final RetryResponder retries;
    private final InboundDispatcher inbound;
    private final AtomicLong rejectedCalls = new AtomicLong();

    WaEngine(EngineBuilder b) {
        SerialExecutor serial = new SerialExecutor(b.runtime.crypto());
        WaEventSink sink = b.sink;
        this.ctx = new EngineContext(b.runtime, b.settings, b.signal, serial, b.recentSent, b.pendingInbound,
                b.credentials.self(),
                new LoginBootstrap(b.signal, b.preKeyPolicy, serial, new SecureRandom()), event -> deliver(sink, event));
        EngineStateMachine machine = new EngineStateMachine(b.runtime.clock(),
                state -> ctx.emit(new WaEvent.StateChanged(state)));
        this.sender = new MessageSender(ctx);
        this.receiver = new MessageReceiver(ctx);
        this.retries = new RetryResponder(ctx, sender);
        this.inbound = new InboundDispatcher(ctx, receiver, retries);
        this.connector = new EngineConnector(ctx, machine, b, this::route, this::connectionLost);
    }

    /** Starts a builder; see {@link EngineBuilder} for what is required. */
    public static EngineBuilder builder() {
        return new EngineBuilder();
    }

    private static void deliver(WaEventSink sink, WaEvent event) {
        if (event instanceof WaEvent.MessageReceived) {
            sink.onEvent(event); // exceptions reach the receiver, which treats them as a failed handoff
            return;
        }
        try {
            sink.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("event sink failed on {}: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    private void route(WaConnection connection, Node node) {
        inbound.dispatch(connection, node);
    }

    private void connectionLost() {
        ctx.acks.failAll(new TransportClosedException("connection to WhatsApp ended"));
    }

    @Override
    public CompletionStage<EngineState> connect(ConnectRequest request) {
        return connector.connect(Objects.requireNonNull(request, "request"));
    }

    @Override
    public CompletionStage<Void> disconnect() {
        return connector.disconnect();
    }

    @Override
    public EngineState state() {
        return connector.state();
    }

    /** This device's own address as peers see it. */
    public WaJid self() {
        return ctx.self;
    }

    /** Sizes of the engine's bounded queues and caches. */
    public EngineMetrics metrics() {
        return new EngineMetrics(ctx.acks.size(), receiver.pendingHandoffs(), ctx.devices.size(), ctx.serial.queued(),
                ctx.recentSent.size(), connector.inboundBacklog(), ctx.serial.peakQueued(), connector.inboundOverflows(),
                rejectedCalls.get());
    }

    @Override
    public CompletionStage<SendResult> sendMessage(String toJid, String messageId, MessageContent content) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(content, "content");
        Optional<WaJid> peer = parse(toJid);
        if (peer.isEmpty()) {
            return MessageSender.done(new SendResult.Rejected(SendResult.Reason.UNKNOWN_USER,
                    "not a WhatsApp address"));
        }
        return onlineThen(connection -> sender.send(connection, peer.get(), messageId, content));
    }

    @Override
    public CompletionStage<SendResult> sendReceipt(Receipt receipt) {
        Objects.requireNonNull(receipt, "receipt");
        Optional<WaJid> chat = parse(receipt.chatJid());
        Optional<WaJid> participant = receipt.participant().flatMap(WaEngine::parse);
        if (chat.isEmpty()) {
            return MessageSender.done(new SendResult.Rejected(SendResult.Reason.UNKNOWN_USER, "not a WhatsApp address"));
        }
        ReceiptType kind = receipt.type() == Receipt.Type.READ ? ReceiptType.READ
                : receipt.type() == Receipt.Type.PLAYED ? ReceiptType.PLAYED : ReceiptType.DELIVERY;
        OptionalLong t = kind == ReceiptType.DELIVERY ? OptionalLong.empty()
                : OptionalLong.of(receipt.timestamp().getEpochSecond());
        ReceiptStanza stanza = ReceiptStanza.outgoing(kind, receipt.messageIds(), chat.get(), participant, t);
        String key = AckWaiters.key("receipt", stanza.id(), kind.wireName());
        return onlineThen(connection -> {
            Optional<CompletableFuture<Node>> wait = ctx.acks.register(key, ctx.settings.ackTimeout());
            if (wait.isEmpty()) {
                return MessageSender.done(new SendResult.Rejected(SendResult.Reason.RATE_LIMITED,
                        "too many stanzas are waiting for WhatsApp's confirmation"));
            }
            try {
                connection.send(stanza.toNode());
            } catch (TransportException e) {
                ctx.acks.forget(key);
                return MessageSender.done(notConnected());
            }
            return wait.get().handle((ack, failure) -> failure != null ? MessageSender.failed(failure)
                    : ack.attrs().optString("error").isPresent()
                    ? MessageSender.rejectedByServer(Integer.parseInt(ack.attrs().optString("error", "500")))
                    : new SendResult.Accepted(stanza.id(), ctx.runtime.clock().instant()));
        });
    }

    @Override
    public CompletionStage<SendResult> sendChatState(ChatState chatState) {
        Objects.requireNonNull(chatState, "chatState");
        Optional<WaJid> chat = parse(chatState.chatJid());
        if (chat.isEmpty()) {
            return MessageSender.done(new SendResult.Rejected(SendResult.Reason.UNKNOWN_USER, "not a WhatsApp address"));
        }
        return writeOnly(ChatStateStanza.outgoing(chat.get(), chatState.state(), chatState.audio()).toNode());
    }

    @Override
    public CompletionStage<SendResult> sendPresence(boolean available) {
        return writeOnly(PresenceStanza.own(available, ctx.settings.pushName()).toNode());
    }

    @Override
    public CompletionStage<SendResult> subscribePresence(String jid) {
        Optional<WaJid> contact = parse(jid);
        if (contact.isEmpty()) {
            return MessageSender.done(new SendResult.Rejected(SendResult.Reason.UNKNOWN_USER, "not a WhatsApp address"));
        }
        return writeOnly(PresenceStanza.subscribe(contact.get().toNonAd()).toNode());
    }

    @Override
    public CompletionStage<SendResult> block(String jid) {
        return changeBlockList(BlocklistIq.Action.BLOCK, jid);
    }

    @Override
    public CompletionStage<SendResult> unblock(String jid) {
        return changeBlockList(BlocklistIq.Action.UNBLOCK, jid);
    }

    private CompletionStage<SendResult> changeBlockList(BlocklistIq.Action action, String jid) {
        Optional<WaJid> contact = parse(jid);
        if (contact.isEmpty()) {
            return MessageSender.done(new SendResult.Rejected(SendResult.Reason.UNKNOWN_USER, "not a WhatsApp address"));
        }
        BlocklistIq.Update update = new BlocklistIq.Update(action, contact.get().toNonAd());
        return onlineThen(connection -> connection.request(update).handle((ok, failure) -> failure != null
                ? MessageSender.failed(failure) : new SendResult.Accepted("", ctx.runtime.clock().instant())));
    }

    @Override
    public CompletionStage<BlockListResult> blockList() {
        return onlineThen(connection -> connection.request(BlocklistIq.Fetch.INSTANCE).handle((entries, failure) ->
                failure != null ? unavailable(MessageSender.failed(failure))
                        : new BlockListResult.Listed(entries.stream().map(e -> e.jid().toString()).toList())),
                WaEngine::unavailable);
    }

    private static BlockListResult unavailable(SendResult result) {
        return new BlockListResult.Unavailable(result instanceof SendResult.Rejected
                ? (SendResult.Rejected) result
                : new SendResult.Rejected(SendResult.Reason.SERVER_ERROR, "unexpected answer"));
    }

    /** Stanzas WhatsApp does not ack: accepted once written (§5.9). */
    private CompletionStage<SendResult> writeOnly(Node node) {
        return onlineThen(connection -> {
            try {
                connection.send(node);
                return MessageSender.done(new SendResult.Accepted("", ctx.runtime.clock().instant()));
            } catch (TransportException e) {
                return MessageSender.done(notConnected());
            }
        });
    }

    /** Runs {@code action} on the serial queue with the live connection, or rejects when not online. */
    private CompletionStage<SendResult> onlineThen(
            java.util.function.Function<WaConnection, CompletionStage<SendResult>> action) {
        return onlineThen(action, result -> result);
    }

    /** As above for any answer type; {@code refused} turns a refusal into that type. */
    private <T> CompletionStage<T> onlineThen(java.util.function.Function<WaConnection, CompletionStage<T>> action,
                                              java.util.function.Function<SendResult, T> refused) {
        if (ctx.serial.queued() >= ctx.settings.maxPendingSends()) { // bounds what callers can queue
            rejectedCalls.incrementAndGet();
            return CompletableFuture.completedFuture(refused.apply(new SendResult.Rejected(
                    SendResult.Reason.RATE_LIMITED, "too many requests are waiting for this WhatsApp session")));
        }
        CompletableFuture<T> out = new CompletableFuture<>();
        ctx.serial.execute(() -> {
            Optional<WaConnection> connection = connector.onlineConnection();
            if (connection.isEmpty()) {
                out.complete(refused.apply(notConnected()));
                return;
            }
            try {
                action.apply(connection.get()).whenComplete((result, failure) ->
                        out.complete(result != null ? result : refused.apply(MessageSender.failed(failure))));
            } catch (RuntimeException e) {
                out.complete(refused.apply(MessageSender.failed(e)));
            }
        });
        return out;
    }

    private SendResult notConnected() {
        EngineState.Phase phase = connector.state().phase();
        boolean running = phase == EngineState.Phase.CONNECTING || phase == EngineState.Phase.BACKOFF
                || phase == EngineState.Phase.TEMP_BANNED || phase == EngineState.Phase.ONLINE;
        return running
                ? new SendResult.Rejected(SendResult.Reason.NOT_CONNECTED, "not connected to WhatsApp right now")
                : new SendResult.Rejected(SendResult.Reason.ENGINE_STOPPED, "the WhatsApp session is not running");
    }

    private static Optional<WaJid> parse(String jid) {
        if (jid == null) {
            return Optional.empty();
        }
        try {
            WaJid parsed = WaJid.parse(jid);
            return parsed.hasUser() ? Optional.of(parsed) : Optional.empty();
        } catch (InvalidJidException e) {
            return Optional.empty();
        }
    }
}
