/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.binary.BinaryDecodeException;
import org.wabridge.core.binary.Node;
import org.wabridge.core.binary.NodeFrames;
import org.wabridge.core.binary.NodePrinter;
import org.wabridge.core.iq.IqSpec;
import org.wabridge.core.iq.PingIq;
import org.wabridge.core.noise.ClientHandshaker;
import org.wabridge.core.noise.CorruptFrameException;
import org.wabridge.core.noise.HandshakeException;
import org.wabridge.core.noise.NoiseSocket;
import org.wabridge.core.stanza.ConnectFailure;
import org.wabridge.core.stanza.ConnectOutcome;
import org.wabridge.core.stanza.ConnectSuccess;
import org.wabridge.core.stanza.StanzaException;
import org.wabridge.core.stanza.StreamError;
import org.wabridge.core.stanza.StreamTermination;
import org.wabridge.core.transport.FrameTransport;
import org.wabridge.core.transport.FrameListener;
import org.wabridge.core.transport.TransportClosedException;
import org.wabridge.core.transport.TransportException;

/**
 * One logged-in connection to WhatsApp: opened by {@link #open} (transport, Noise handshake with the interop
 * ClientPayload, then the {@code <success>}/{@code <failure>} answer), it takes each received frame as a
 * callback (decrypt, decode, then match IQ answers to {@link PendingRequests} or route through the
 * {@link NodeRouter}), pings per the {@link KeepAlivePolicy} and declares the link dead from a timer after the
 * policy's silence window. It never reconnects: the engine decides that from {@link ConnectionClosed}.
 *
 * <p>Threading: no thread of its own, and none parked while the connection idles. The blocking login steps run
 * on {@link EngineRuntime#login()}; afterwards frame callbacks run on {@link EngineRuntime#io()}, one frame at a
 * time per connection
 * and in wire order (over a push transport such as {@code NioTcpTransport}; a legacy blocking transport is
 * served by a pump task). Timers run on {@link EngineRuntime#scheduler()}. {@link #send} and {@link #request}
 * may be called from any thread; handlers run one at a time in frame order, and the close callback runs
 * exactly once, on a frame callback, a timer's io task or the closing thread.
 */
public final class WaConnection {
    private static final Logger LOG = LoggerFactory.getLogger(WaConnection.class);
    private static final Logger WIRE_RECV = LoggerFactory.getLogger("org.wabridge.core.client.wire.recv");
    private static final Logger WIRE_SEND = LoggerFactory.getLogger("org.wabridge.core.client.wire.send");

    private final WaConnectionConfig config;
    private final EngineRuntime runtime;
    private final NoiseSocket socket;
    private final NodeRouter router;
    private final Consumer<ConnectionClosed> onClosed;
    private final NodeFrames frames = NodeFrames.standard();
    private final PendingRequests pending;
    private final String idPrefix;
    private final AtomicLong idCounter = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closingLocally;
    private volatile Instant lastReceived;
    private volatile ScheduledFuture<?> pingTimer;
    private volatile ScheduledFuture<?> deadLinkTimer;

    private WaConnection(WaConnectionConfig config, EngineRuntime runtime, NoiseSocket socket, NodeRouter router,
                         Consumer<ConnectionClosed> onClosed) {
        this.config = config;
        this.runtime = runtime;
        this.socket = socket;
        this.router = router;
        this.onClosed = onClosed;
        this.pending = new PendingRequests(runtime.scheduler());
        byte[] prefix = new byte[2];
        runtime.random().nextBytes(prefix);
        // per-connection prefix plus counter keeps ids unique without coordination (§2.8)
        this.idPrefix = HexFormat.of().formatHex(prefix) + "-";
        this.lastReceived = runtime.clock().instant();
    }

    /**
     * Connects and logs in on {@code runtime.login()}. The stage never completes exceptionally: every outcome is
     * a {@link LoginResult}. On {@link LoginResult.LoggedIn} the read loop and pings are already running and
     * {@code onClosed} will be called exactly once when the connection ends.
     */
    public static CompletionStage<LoginResult> open(WaConnectionConfig config, EngineRuntime runtime,
                                                    TransportConnector connector, ClientHandshaker handshaker,
                                                    byte[] clientPayload, NodeRouter router,
                                                    Consumer<ConnectionClosed> onClosed) {
        Objects.requireNonNull(clientPayload, "clientPayload");
        return CompletableFuture.supplyAsync(() -> login(config, runtime, connector, handshaker, clientPayload,
                router, onClosed), runtime.login());
    }

    private static LoginResult login(WaConnectionConfig config, EngineRuntime runtime, TransportConnector connector,
                                     ClientHandshaker handshaker, byte[] payload, NodeRouter router,
                                     Consumer<ConnectionClosed> onClosed) {
        FrameTransport transport;
        try {
            transport = connector.connect(null);
        } catch (TransportException e) {
            return new LoginResult.Failed("connect", e);
        } catch (RuntimeException e) {
            return new LoginResult.Failed("connect", e);
        }
        NoiseSocket socket;
        try {
            socket = handshaker.handshake(transport, payload);
        } catch (HandshakeException e) {
            return new LoginResult.Failed("handshake", e);
        }
        Node first;
        try {
            first = NodeFrames.standard().unpack(socket.receive(config.loginTimeout()));
            if (WIRE_RECV.isDebugEnabled()) {
                WIRE_RECV.debug("{}", NodePrinter.DEFAULT.print(first));
            }
        } catch (TransportException | BinaryDecodeException e) {
            socket.close("no login answer: " + e.getMessage());
            return new LoginResult.Failed("login answer", e);
        }
        try {
            if (StreamTermination.matches(first)) {
                socket.close("stream ended during login");
                return new LoginResult.StreamEnded(StreamTermination.fromNode(first));
            }
            ConnectOutcome outcome = ConnectOutcome.fromNode(first);
            if (outcome instanceof ConnectFailure) {
                socket.close("login refused");
                return new LoginResult.Refused((ConnectFailure) outcome);
            }
            WaConnection connection = new WaConnection(config, runtime, socket, router, onClosed);
            connection.start();
            return new LoginResult.LoggedIn((ConnectSuccess) outcome, connection);
        } catch (StanzaException e) {
            socket.close("bad login answer");
            return new LoginResult.Failed("login answer", e);
        }
    }

    private void start() {
        socket.listen(new FrameListener() {
            @Override
            public void onFrame(byte[] plaintext) {
                frameReceived(plaintext);
            }

            @Override
            public void onClosed(TransportException cause) {
                transportEnded(cause);
            }
        }, runtime.io());
        scheduleDeadLinkCheck(config.keepAlive().deadAfter());
        schedulePing();
    }

    /** Encodes and sends one node. Throws {@link TransportClosedException} once the connection has ended. */
    public void send(Node node) throws TransportException {
        if (closed.get()) {
            throw new TransportClosedException("connection already closed");
        }
        if (WIRE_SEND.isDebugEnabled()) { // printing a node costs as much as encoding it: not when nobody reads
            WIRE_SEND.debug("{}", NodePrinter.DEFAULT.print(node));
        }
        socket.send(frames.pack(node, config.profile().compressOutput()));
    }

    /** Sends the IQ with a fresh id; the stage completes with the parsed result, or fails with the typed cause. */
    public <R> CompletionStage<R> request(IqSpec<R> spec, Duration timeout) {
        String id = nextId();
        CompletableFuture<Node> answer = pending.register(id, timeout);
        try {
            send(spec.toRequest(id));
        } catch (TransportException e) {
            pending.fail(id, e);
        }
        return answer.thenApply(node -> {
            try {
                return spec.parseResponse(node);
            } catch (StanzaException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** As {@link #request(IqSpec, Duration)} with the configured IQ timeout. */
    public <R> CompletionStage<R> request(IqSpec<R> spec) {
        return request(spec, config.iqTimeout());
    }

    /** A new stanza id unique within this connection. */
    public String nextId() {
        return idPrefix + idCounter.incrementAndGet();
    }

    /** Closes cleanly: sends {@code <xmlstreamend/>} (best effort), then closes the socket. Idempotent. */
    public void close() {
        closingLocally = true; // the server may hang up before end() runs below: still a local close
        if (!closed.get()) {
            try {
                socket.send(frames.pack(Node.STREAM_END));
            } catch (TransportException e) {
                LOG.debug("could not send stream end: {}", e.getMessage());
            }
        }
        end(new ConnectionClosed(DisconnectReason.LOCAL_CLOSE, Optional.empty(), "closed locally"));
    }

    /**
     * Ends the connection as a lost link (no stream end is sent), for an owner that can no longer keep up: the
     * close callback reports {@link DisconnectReason#LINK_LOST}, so the owner recovers as from a dropped socket.
     */
    void abort(String plainWords) {
        end(new ConnectionClosed(DisconnectReason.LINK_LOST, Optional.empty(), plainWords));
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /** Outstanding IQs (a metric). */
    public int pendingRequests() {
        return pending.size();
    }

    /** One decrypted frame, delivered in order and never concurrently with the next (push transport). */
    private void frameReceived(byte[] frame) {
        if (closed.get()) {
            return;
        }
        lastReceived = runtime.clock().instant();
        Node node;
        try {
            node = frames.unpack(frame);
        } catch (BinaryDecodeException e) {
            end(new ConnectionClosed(DisconnectReason.PROTOCOL_ERROR, Optional.empty(),
                    "undecodable frame: " + e.getMessage()));
            return;
        }
        if (WIRE_RECV.isDebugEnabled()) {
            WIRE_RECV.debug("{}", NodePrinter.DEFAULT.print(node));
        }
        if (StreamTermination.matches(node)) {
            end(terminated(node));
            return;
        }
        if (!pending.complete(node)) {
            router.route(node);
        }
    }

    private void transportEnded(TransportException cause) {
        if (cause instanceof CorruptFrameException) {
            end(new ConnectionClosed(DisconnectReason.PROTOCOL_ERROR, Optional.empty(), "corrupt frame"));
        } else {
            end(new ConnectionClosed(DisconnectReason.LINK_LOST, Optional.empty(),
                    "connection lost: " + cause.getMessage()));
        }
    }

    /**
     * The dead-link check is a timer, not a blocked reader: it fires when the silence window would end and
     * re-arms itself for the remainder whenever a frame arrived meanwhile.
     */
    private void scheduleDeadLinkCheck(Duration delay) {
        if (closed.get()) {
            return;
        }
        long nanos = Math.max(delay.toNanos(), TimeUnit.MILLISECONDS.toNanos(1));
        try {
            deadLinkTimer = runtime.scheduler().schedule(this::checkDeadLink, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("scheduler shut down; no dead-link check");
        }
    }

    private void checkDeadLink() {
        if (closed.get()) {
            return;
        }
        Duration wait = config.keepAlive().untilDead(lastReceived, runtime.clock().instant());
        if (!wait.isZero()) {
            scheduleDeadLinkCheck(wait);
            return;
        }
        ConnectionClosed why = new ConnectionClosed(DisconnectReason.LINK_LOST, Optional.empty(),
                "no data from WhatsApp for " + config.keepAlive().deadAfter().toSeconds() + " s");
        try {
            runtime.io().execute(() -> end(why)); // the close callback may do real work: not on the timer thread
        } catch (RejectedExecutionException e) {
            end(why);
        }
    }

    private static ConnectionClosed terminated(Node node) {
        StreamTermination termination;
        try {
            termination = StreamTermination.fromNode(node);
        } catch (StanzaException e) {
            return new ConnectionClosed(DisconnectReason.PROTOCOL_ERROR, Optional.empty(),
                    "malformed stream error: " + e.getMessage());
        }
        if (!(termination instanceof StreamError)) {
            return new ConnectionClosed(DisconnectReason.SERVER_CLOSED, Optional.of(termination),
                    "WhatsApp closed the stream");
        }
        StreamError error = (StreamError) termination;
        switch (error.kind()) {
            case REPLACED:
                return new ConnectionClosed(DisconnectReason.REPLACED, Optional.of(error),
                        "another connection for this account took over");
            case DEVICE_REMOVED:
                return new ConnectionClosed(DisconnectReason.DEVICE_REMOVED, Optional.of(error),
                        "the account was logged out by WhatsApp");
            case TOKEN_EXPIRED:
            case TOKEN_INVALID:
                return new ConnectionClosed(DisconnectReason.TOKEN_REJECTED, Optional.of(error),
                        "WhatsApp rejected the login token");
            default:
                return new ConnectionClosed(DisconnectReason.SERVER_CLOSED, Optional.of(error),
                        "WhatsApp ended the stream" + (error.code().isPresent() ? " (" + error.code().getAsInt() + ")"
                                : ""));
        }
    }

    private void schedulePing() {
        if (closed.get()) {
            return;
        }
        Duration delay = config.keepAlive().nextPingDelay(runtime.random());
        try {
            pingTimer = runtime.scheduler().schedule(() -> runtime.io().execute(this::ping),
                    delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("scheduler shut down; no more pings");
        }
    }

    private void ping() {
        if (closed.get()) {
            return;
        }
        // an unanswered ping needs no handling of its own: silence ends the link in the dead-link timer
        request(PingIq.INSTANCE, config.keepAlive().pingTimeout()).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.debug("keepalive ping failed: {}", failure.toString());
            }
        });
        schedulePing();
    }

    private void end(ConnectionClosed reported) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ConnectionClosed why = closingLocally && reported.reason() != DisconnectReason.LOCAL_CLOSE
                ? new ConnectionClosed(DisconnectReason.LOCAL_CLOSE, Optional.empty(), "closed locally") : reported;
        for (ScheduledFuture<?> timer : new ScheduledFuture<?>[] {pingTimer, deadLinkTimer}) {
            if (timer != null) {
                timer.cancel(false);
            }
        }
        pending.failAll(new TransportClosedException("connection closed: " + why.plainWords()));
        socket.close(why.plainWords());
        if (why.reason() == DisconnectReason.LOCAL_CLOSE) {
            LOG.debug("connection closed locally");
        } else {
            LOG.info("WhatsApp connection ended: {} ({})", why.plainWords(), why.reason());
        }
        try {
            onClosed.accept(why);
        } catch (RuntimeException e) {
            LOG.error("close callback failed", e);
        }
    }
}
