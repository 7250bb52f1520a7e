/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.util.Objects;
import java.util.Random;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519Engine;
import org.wabridge.core.signal.PreKeyPolicy;
import org.wabridge.core.signal.SignalCrypto;
import org.wabridge.core.store.PendingInboundStore;
import org.wabridge.core.store.RecentSentStore;
import org.wabridge.core.store.inmemory.InMemoryPendingInboundStore;
import org.wabridge.core.store.inmemory.InMemoryRecentSentStore;

/**
 * Assembles a {@link WaEngine}. Required: {@link #runtime}, {@link #credentials}, {@link #transport},
 * {@link #serverVerifier}, {@link #signal} and {@link #sink}. Everything else has a default: the libsignal-free
 * X25519 of noise-java, {@link PreKeyPolicy#defaults}, in-memory {@link RecentSentStore} and
 * {@link PendingInboundStore} (use durable ones in production), {@link RecoveryPolicy} with {@link Backoff#defaults}, a private {@link ConnectRateLimiter}
 * (share one JVM-wide instance in production), {@link UserAgentSettings#defaults()} and
 * {@link EngineSettings#defaults()}.
 */
public final class EngineBuilder {
    EngineRuntime runtime;
    EngineCredentials credentials;
    TransportConnector transport;
    CertificateChainVerifier serverVerifier;
    X25519Engine x25519 = X25519.NOISE_JAVA;
    SignalCrypto signal;
    PreKeyPolicy preKeyPolicy;
    RecentSentStore recentSent;
    PendingInboundStore pendingInbound;
    RecoveryPolicy recovery;
    ConnectRateLimiter rateLimiter;
    UserAgentSettings userAgent = UserAgentSettings.defaults();
    EngineSettings settings = EngineSettings.defaults();
    WaEventSink sink;

    EngineBuilder() {
    }

    /** The shared executors, scheduler and clock. */
    public EngineBuilder runtime(EngineRuntime value) {
        this.runtime = Objects.requireNonNull(value, "runtime");
        return this;
    }

    /** Interop (token per connection) or consumer (registered Noise key) login. */
    public EngineBuilder credentials(EngineCredentials value) {
        this.credentials = Objects.requireNonNull(value, "credentials");
        return this;
    }

    /** Opens the TCP or WebSocket transport to WhatsApp. */
    public EngineBuilder transport(TransportConnector value) {
        this.transport = Objects.requireNonNull(value, "transport");
        return this;
    }

    /** Checks the server's Noise certificate chain against the configured trust anchor (§2.7). */
    public EngineBuilder serverVerifier(CertificateChainVerifier value) {
        this.serverVerifier = Objects.requireNonNull(value, "serverVerifier");
        return this;
    }

    /** The X25519 implementation for the Noise handshake (e.g. the libsignal-backed one). */
    public EngineBuilder x25519(X25519Engine value) {
        this.x25519 = Objects.requireNonNull(value, "x25519");
        return this;
    }

    /** The account's Signal port (over its stores). */
    public EngineBuilder signal(SignalCrypto value) {
        this.signal = Objects.requireNonNull(value, "signal");
        return this;
    }

    public EngineBuilder preKeyPolicy(PreKeyPolicy value) {
        this.preKeyPolicy = Objects.requireNonNull(value, "preKeyPolicy");
        return this;
    }

    public EngineBuilder recentSent(RecentSentStore value) {
        this.recentSent = Objects.requireNonNull(value, "recentSent");
        return this;
    }

    /** Where decrypted messages wait for the gateway's confirmation; durable in production (survives restarts). */
    public EngineBuilder pendingInbound(PendingInboundStore value) {
        this.pendingInbound = Objects.requireNonNull(value, "pendingInbound");
        return this;
    }

    public EngineBuilder recovery(RecoveryPolicy value) {
        this.recovery = Objects.requireNonNull(value, "recovery");
        return this;
    }

    /** The JVM-wide connect limiter shared by all engines. */
    public EngineBuilder rateLimiter(ConnectRateLimiter value) {
        this.rateLimiter = Objects.requireNonNull(value, "rateLimiter");
        return this;
    }

    public EngineBuilder userAgent(UserAgentSettings value) {
        this.userAgent = Objects.requireNonNull(value, "userAgent");
        return this;
    }

    public EngineBuilder settings(EngineSettings value) {
        this.settings = Objects.requireNonNull(value, "settings");
        return this;
    }

    /** Where events go (the gateway's account session). */
    public EngineBuilder sink(WaEventSink value) {
        this.sink = Objects.requireNonNull(value, "sink");
        return this;
    }

    /** Builds the engine (state STOPPED; nothing connects until {@link WaEngine#connect}). */
    public WaEngine build() {
        require(runtime, "runtime");
        require(credentials, "credentials");
        require(transport, "transport");
        require(serverVerifier, "serverVerifier");
        require(signal, "signal");
        require(sink, "sink");
        if (preKeyPolicy == null) {
            preKeyPolicy = PreKeyPolicy.defaults(runtime.clock());
        }
        if (recentSent == null) {
            recentSent = new InMemoryRecentSentStore();
        }
        if (pendingInbound == null) {
            pendingInbound = new InMemoryPendingInboundStore();
        }
        if (recovery == null) {
            recovery = new RecoveryPolicy(Backoff.defaults(new Random(runtime.random().nextLong())));
        }
        if (rateLimiter == null) {
            rateLimiter = new ConnectRateLimiter(5, 5, runtime.clock());
        }
        return new WaEngine(this);
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalStateException("WaEngine needs " + name);
        }
    }
}
