/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.binary.Node;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.client.bootstrap.BootstrapException;
import org.wabridge.core.noise.ClientHandshaker;
import org.wabridge.core.noise.X25519Engine;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;
import org.wabridge.core.stanza.StreamError;
import org.wabridge.core.stanza.StreamTermination;

/**
 * The engine's connection lifecycle (issue 6, whatsapp-protocol.md §5.12, §8): rate-limited attempts with
 * fresh credentials, {@code <success>} → {@link org.wabridge.core.client.bootstrap.LoginBootstrap} → ONLINE,
 * and every failure or closed connection through {@link RecoveryPolicy}: a rejected token is retried once with
 * a new one, a temporary ban waits for its expiry, transient trouble backs off, {@code replaced} and removed
 * devices stop. A generation number makes callbacks of superseded attempts harmless. All state changes run on
 * the engine's serial queue.
 */
final class EngineConnector {
    private static final Logger LOG = LoggerFactory.getLogger(EngineConnector.class);
    /** Nodes that arrive before the login result is processed; more than this is a misbehaving server. */
    private static final int EARLY_NODE_LIMIT = 10_000;
    private static final String FELL_BEHIND = "the account fell behind incoming stanzas";

    private record Live(long generation, WaConnection connection) {
    }

    /**
     * One connection attempt's inbound state: once its backlog overflowed, every later stanza of it is dropped
     * (so what is processed is an in-order prefix) and the connection is aborted, by the frame callback if the
     * login is known by then, otherwise by onLogin.
     */
    private static final class Attempt {
        final AtomicBoolean overflowed = new AtomicBoolean();
        volatile WaConnection connection;
    }

    private final EngineContext ctx;
    private final EngineStateMachine machine;
    private final EngineCredentials credentials;
    private final TransportConnector transport;
    private final CertificateChainVerifier verifier;
    private final X25519Engine x25519;
    private final RecoveryPolicy recovery;
    private final ConnectRateLimiter rateLimiter;
    private final ClientPayloadFactory payloads;
    private final BiConsumer<WaConnection, Node> route;
    private final Runnable onConnectionLost;
    private final SecureRandom secureRandom = new SecureRandom();

    private long generation;
    private ConnectRequest request;
    private int failedAttempts;
    private boolean tokenRetried;
    private boolean everConnected;
    private CompletableFuture<EngineState> firstAttempt;
    private volatile Live live;
    private boolean online;
    private final List<Node> early = new ArrayList<>();
    /** Received stanzas handed to the serial queue and not yet processed; bounded by maxPendingHandoffs. */
    private final AtomicInteger inboundBacklog = new AtomicInteger();
    private final AtomicLong inboundOverflows = new AtomicLong();

    EngineConnector(EngineContext ctx, EngineStateMachine machine, EngineBuilder b,
                    BiConsumer<WaConnection, Node> route, Runnable onConnectionLost) {
        this.ctx = ctx;
        this.machine = machine;
        this.credentials = b.credentials;
        this.transport = b.transport;
        this.verifier = b.serverVerifier;
        this.x25519 = b.x25519;
        this.recovery = b.recovery;
        this.rateLimiter = b.rateLimiter;
        this.payloads = new ClientPayloadFactory(b.userAgent);
        this.route = route;
        this.onConnectionLost = onConnectionLost;
    }

    EngineState state() {
        return machine.state();
    }

    /** The logged-in connection when the engine is ONLINE (call on the serial queue). */
    Optional<WaConnection> onlineConnection() {
        Live l = live;
        return online && l != null && l.connection().isOpen() ? Optional.of(l.connection()) : Optional.empty();
    }

    CompletionStage<EngineState> connect(ConnectRequest connectRequest) {
        CompletableFuture<EngineState> result = new CompletableFuture<>();
        ctx.serial.execute(() -> {
            EngineState.Phase phase = machine.state().phase();
            boolean idle = phase == EngineState.Phase.STOPPED || phase.needsAttention() && !tokenRetried;
            if (!idle) {
                result.complete(machine.state()); // already running: idempotent
                return;
            }
            if (phase != EngineState.Phase.STOPPED) {
                machine.moveTo(EngineState.Phase.STOPPED); // an explicit connect leaves a terminal state
            }
            request = connectRequest;
            failedAttempts = 0;
            tokenRetried = false;
            everConnected = false;
            firstAttempt = result;
            long gen = ++generation;
            machine.moveTo(EngineState.Phase.CONNECTING);
            attempt(gen);
        });
        return result;
    }

    CompletionStage<Void> disconnect() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ctx.serial.execute(() -> {
            generation++;
            Live l = live;
            live = null;
            online = false;
            early.clear();
            if (l != null) {
                l.connection().close();
            }
            onConnectionLost.run();
            if (machine.state().phase() != EngineState.Phase.STOPPED) {
                machine.fail(EngineState.Phase.STOPPED, "disconnected");
            }
            completeFirst();
            done.complete(null);
        });
        return done;
    }

    private void attempt(long gen) {
        if (gen != generation) {
            return;
        }
        if (!rateLimiter.tryAcquire()) {
            Duration wait = rateLimiter.timeUntilPermit();
            schedule(wait.isZero() ? Duration.ofMillis(10) : wait, () -> attempt(gen));
            return;
        }
        EngineCredentials.Login login;
        try {
            ClientPayload.ConnectReason reason = everConnected ? ClientPayload.ConnectReason.ERROR_RECONNECT
                    : ClientPayload.ConnectReason.USER_ACTIVATED;
            login = credentials.login(request, payloads, reason, secureRandom, x25519);
        } catch (RuntimeException e) {
            LOG.warn("could not prepare the login: {}", e.getMessage());
            apply(gen, new RecoveryDecision(EngineState.Phase.STOPPED, Optional.empty(), false,
                    "could not prepare the login (" + e.getMessage() + "); check the provider keys"), 0);
            return;
        }
        WaConnectionConfig config = ctx.settings.connection();
        ClientHandshaker handshaker = new ClientHandshaker(config.profile(), login.noiseKey(), verifier, secureRandom,
                x25519);
        Attempt current = new Attempt();
        WaConnection.open(config, ctx.runtime, transport, handshaker, login.payload(), router(gen, current),
                        closed -> ctx.serial.execute(() -> onClosed(gen, closed)))
                .whenComplete((result, failure) -> ctx.serial.execute(() -> onLogin(gen, current, result != null
                        ? result
                        : new LoginResult.Failed("connect", new IllegalStateException(String.valueOf(failure))))));
    }

    int inboundBacklog() {
        return inboundBacklog.get();
    }

    long inboundOverflows() {
        return inboundOverflows.get();
    }

    private NodeRouter router(long gen, Attempt attempt) {
        NodeHandler handler = node -> {
            if (attempt.overflowed.get()) {
                return; // not acked: the server redelivers it on the next connection
            }
            if (inboundBacklog.incrementAndGet() > ctx.settings.maxPendingHandoffs()) {
                inboundBacklog.decrementAndGet();
                fellBehind(attempt);
                return;
            }
            ctx.serial.execute(() -> {
                inboundBacklog.decrementAndGet();
                onNode(gen, node);
            });
        };
        Map<String, NodeHandler> table = new HashMap<>();
        for (String tag : List.of("message", "receipt", "ack", "notification", "presence", "chatstate", "ib",
                "call")) {
            table.put(tag, handler);
        }
        return new NodeRouter(table);
    }

    /**
     * The server sends faster than this account's serial queue processes (called on a frame callback). Rather
     * than queue without bound, the connection ends as a lost link: the close callback runs after the backlog,
     * recovery reconnects with backoff, and WhatsApp redelivers every stanza that was not acked.
     */
    private void fellBehind(Attempt attempt) {
        if (attempt.overflowed.compareAndSet(false, true)) {
            inboundOverflows.incrementAndGet();
            LOG.warn("inbound backlog over {} stanzas; reconnecting so the server redelivers the rest",
                    ctx.settings.maxPendingHandoffs());
        }
        WaConnection c = attempt.connection; // null while the login is still queued: onLogin aborts then
        if (c != null) {
            c.abort(FELL_BEHIND);
        }
    }

    private void onNode(long gen, Node node) {
        if (gen != generation) {
            return; // a superseded connection: it will be redelivered on the current one
        }
        Live l = live;
        if (l == null || l.generation() != gen) {
            if (early.size() < EARLY_NODE_LIMIT) {
                early.add(node);
            }
            return;
        }
        route.accept(l.connection(), node);
    }

    private void onLogin(long gen, Attempt attempt, LoginResult result) {
        if (gen != generation) {
            if (result instanceof LoginResult.LoggedIn) {
                ((LoginResult.LoggedIn) result).connection().close();
            }
            return;
        }
        if (!(result instanceof LoginResult.LoggedIn)) {
            RecoveryDecision decision = recovery.afterLogin(result, ++failedAttempts, tokenRetried, now());
            apply(gen, decision, tokenCode(result));
            return;
        }
        LoginResult.LoggedIn in = (LoginResult.LoggedIn) result;
        WaConnection connection = in.connection();
        live = new Live(gen, connection);
        List<Node> buffered = new ArrayList<>(early);
        early.clear();
        for (Node node : buffered) {
            route.accept(connection, node);
        }
        attempt.connection = connection;
        if (attempt.overflowed.get()) { // stanzas were dropped before this ran: start over
            connection.abort(FELL_BEHIND); // the close callback decides (backoff, reconnect, redelivery)
            return;
        }
        ctx.bootstrap.run(connection::request, ctx.self).whenComplete((summary, failure) ->
                ctx.serial.execute(() -> onBootstrapped(gen, in, failure)));
    }

    private void onBootstrapped(long gen, LoginResult.LoggedIn in, Throwable failure) {
        Live l = live;
        if (gen != generation || l == null || l.connection() != in.connection()) {
            return; // superseded, or the close callback has already decided what happens next
        }
        if (failure != null) {
            Throwable cause = EngineContext.unwrap(failure);
            String step = cause instanceof BootstrapException ? ((BootstrapException) cause).step().toString() : "?";
            LOG.info("login bootstrap failed at {}: {}", step, cause.getMessage());
            generation++; // the close callback of this connection must not decide again
            long next = generation;
            live = null;
            in.connection().close();
            onConnectionLost.run();
            apply(next, recovery.afterBootstrapFailure("setting up the session failed (" + step + ")",
                    ++failedAttempts, now()), 0);
            return;
        }
        failedAttempts = 0;
        tokenRetried = false;
        everConnected = true;
        online = true;
        machine.moveTo(EngineState.Phase.ONLINE);
        ctx.emit(new WaEvent.Connected(Instant.ofEpochSecond(in.success().t()), in.success().lid().map(Object::toString)));
        completeFirst();
    }

    private void onClosed(long gen, ConnectionClosed closed) {
        if (gen != generation || closed.reason() == DisconnectReason.LOCAL_CLOSE) {
            return;
        }
        live = null;
        online = false;
        early.clear();
        onConnectionLost.run();
        ctx.emit(new WaEvent.Disconnected(closed.reason(), closed.plainWords()));
        RecoveryDecision decision = recovery.afterClose(closed, ++failedAttempts, tokenRetried, now());
        int code = closed.termination().filter(t -> t instanceof StreamError)
                .map(t -> ((StreamError) t).code().orElse(0)).orElse(0);
        apply(gen, decision, code);
    }

    private void apply(long gen, RecoveryDecision decision, int tokenCode) {
        try {
            decide(gen, decision, tokenCode);
        } catch (IllegalEngineTransitionException e) {
            LOG.error("engine state bug; stopping this session", e);
            generation++;
            completeFirst();
        }
    }

    private void decide(long gen, RecoveryDecision decision, int tokenCode) {
        EngineState.Phase phase = decision.phase();
        tokenRetried = false;
        switch (phase) {
            case TOKEN_EXPIRED:
                ctx.emit(new WaEvent.TokenRejected(tokenCode, decision.mintFreshToken()));
                if (decision.mintFreshToken()) {
                    machine.fail(phase, decision.plainWords());
                    tokenRetried = true;
                    retryAt(gen, decision.retryAt().orElse(now()));
                    return; // the connect() stage waits for the retry's outcome
                }
                machine.fail(phase, decision.plainWords());
                break;
            case BACKOFF:
            case TEMP_BANNED:
                machine.waitUntil(phase, decision.retryAt().orElse(now()), decision.plainWords());
                retryAt(gen, decision.retryAt().orElse(now()));
                break;
            default: // REPLACED, DEVICE_REMOVED, STOPPED: a person has to act
                machine.fail(phase, decision.plainWords());
                generation++;
        }
        completeFirst();
    }

    private void retryAt(long gen, Instant at) {
        Duration delay = Duration.between(now(), at);
        schedule(delay.isNegative() ? Duration.ZERO : delay, () -> {
            if (gen == generation) {
                machine.moveTo(EngineState.Phase.CONNECTING);
                attempt(gen);
            }
        });
    }

    private void schedule(Duration delay, Runnable onSerial) {
        try {
            ctx.runtime.scheduler().schedule(() -> ctx.serial.execute(onSerial), delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) { // the shared runtime is shutting down: nothing will retry
            LOG.debug("scheduler shut down; no further connection attempt");
        }
    }

    private void completeFirst() {
        CompletableFuture<EngineState> f = firstAttempt;
        firstAttempt = null;
        if (f != null) {
            f.complete(machine.state());
        }
    }

    private static int tokenCode(LoginResult result) {
        if (result instanceof LoginResult.Refused) {
            return ((LoginResult.Refused) result).failure().reasonCode();
        }
        if (result instanceof LoginResult.StreamEnded) {
            StreamTermination t = ((LoginResult.StreamEnded) result).termination();
            return t instanceof StreamError ? ((StreamError) t).code().orElse(0) : 0;
        }
        return 0;
    }

    private Instant now() {
        return ctx.runtime.clock().instant();
    }
}
