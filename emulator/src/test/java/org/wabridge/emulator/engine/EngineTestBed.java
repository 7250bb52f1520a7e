/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.auth.InMemoryProviderKeyStore;
import org.wabridge.core.auth.InteropTokenMinter;
import org.wabridge.core.auth.ProviderKeyExport;
import org.wabridge.core.auth.ProviderKeyRing;
import org.wabridge.core.auth.SigningAlgorithm;
import org.wabridge.core.auth.TokenProfile;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.client.Backoff;
import org.wabridge.core.client.ConnectRateLimiter;
import org.wabridge.core.client.ConnectRequest;
import org.wabridge.core.client.EngineCredentials;
import org.wabridge.core.client.EngineRuntime;
import org.wabridge.core.client.EngineSettings;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.KeepAlivePolicy;
import org.wabridge.core.client.RecoveryPolicy;
import org.wabridge.core.client.TransportConnector;
import org.wabridge.core.client.WaConnectionConfig;
import org.wabridge.core.client.WaEngine;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519KeyPair;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.core.signal.PreKeyPolicy;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalConfig;
import org.wabridge.core.signal.SignalCrypto;
import org.wabridge.core.store.PendingInboundStore;
import org.wabridge.core.store.inmemory.InMemoryPendingInboundStore;
import org.wabridge.core.store.inmemory.InMemoryRecentSentStore;
import org.wabridge.core.store.inmemory.InMemorySignalStores;
import org.wabridge.emulator.EmulatorConfig;
import org.wabridge.emulator.WaEmulator;
import org.wabridge.signal.LibsignalCryptoFactory;
import org.wabridge.signal.LibsignalX25519Engine;

/**
 * An emulator with one interop provider (whose JWKS comes from a real {@link ProviderKeyRing}), shared engine
 * executors as the plugin would have them, and factories for interop and consumer engines with short policies.
 */
final class EngineTestBed implements AutoCloseable {
    static final String ISSUER = "https://xmpp.example.org";
    static final ConnectRequest REQUEST = new ConnectRequest("198.51.100.4");

    final Clock clock = Clock.systemUTC();
    final WaEmulator emulator;
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService io = Executors.newCachedThreadPool();
    private final ExecutorService crypto = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final EngineRuntime runtime = new EngineRuntime(io, scheduler, clock, new Random(7), crypto);
    private final ProviderKeyRing ring = new ProviderKeyRing(new InMemoryProviderKeyStore(), clock,
            SigningAlgorithm.ES256, Duration.ofHours(1));
    private final ConnectRateLimiter limiter = new ConnectRateLimiter(100, 100, clock);
    private final List<WaEngine> engines = new ArrayList<>();

    EngineTestBed(Path dir, EmulatorConfig base) throws Exception {
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, ProviderKeyExport.jwks(ring.published()));
        emulator = WaEmulator.start(base.withProviders(List.of(
                new EmulatorConfig.Provider(ISSUER, TokenProfile.DEFAULT_AUDIENCE, jwks, null))), clock);
    }

    EngineTestBed(Path dir) throws Exception {
        this(dir, EmulatorConfig.defaults());
    }

    /** Short keepalive (dead after 1.5 s of silence), short waits, 20–200 ms backoff. */
    EngineSettings settings() {
        WaConnectionConfig connection = new WaConnectionConfig(ProtocolProfile.defaults(), Duration.ofSeconds(10),
                Duration.ofSeconds(10), new KeepAlivePolicy(Duration.ofMillis(300), Duration.ofMillis(500),
                Duration.ofMillis(1500)));
        return EngineSettings.defaults().withConnection(connection)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5)).withPushName("Tester");
    }

    /** One user: the engine, its events and its Signal port (tests may damage the latter on purpose). */
    record User(WaEngine engine, RecordingSink events, SignalCrypto crypto, String jid,
                EngineCredentials credentials, PendingInboundStore pendingInbound) {
        EngineState connect() throws Exception {
            return engine.connect(REQUEST).toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    User interop(long account) {
        return build(new EngineCredentials.Interop(account, 0, 1,
                new InteropTokenMinter(ring, TokenProfile.defaults(ISSUER), clock, random), true));
    }

    /** Registers a simulated WhatsApp user (device 0) with a Noise key and builds its engine. */
    User consumer(String phone, boolean optedIn) {
        return consumerDevice(phone, 0, optedIn);
    }

    /** Registers one device of a simulated WhatsApp user and builds its engine (multi-device users). */
    User consumerDevice(String phone, int device, boolean optedIn) {
        X25519KeyPair key = X25519.generate(random);
        emulator.directory().addUser(phone, optedIn);
        emulator.directory().addDevice(phone, device, key.publicKey());
        return build(new EngineCredentials.Consumer(Long.parseLong(phone), device, key, "Sim " + phone));
    }

    /** The same login as {@code user} over fresh, empty Signal stores: a reinstalled app with a new identity. */
    User reinstalled(User user) {
        return build(user.credentials());
    }

    /**
     * The same account after a process restart: a new engine (nothing in memory) over the user's surviving
     * stores (Signal state and pending inbound messages, as the JDBC stores keep them). The old engine stops.
     */
    User restarted(User user) throws Exception {
        user.engine().disconnect().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return build(user.credentials(), user.crypto(), user.pendingInbound());
    }

    private User build(EngineCredentials credentials) {
        SignalCrypto signal = new LibsignalCryptoFactory().open(
                new SignalAddress(credentials.self().signalAddressName(), credentials.self().device()),
                InMemorySignalStores.create(), new SignalConfig(IdentityTrustPolicy.ACCEPT_AND_REPORT, clock));
        return build(credentials, signal, new InMemoryPendingInboundStore());
    }

    private User build(EngineCredentials credentials, SignalCrypto signal, PendingInboundStore pendingInbound) {
        RecordingSink sink = new RecordingSink();
        WaEngine engine = WaEngine.builder()
                .runtime(runtime)
                .credentials(credentials)
                .transport(TransportConnector.tcp(emulator.tcpAddress(), ProtocolProfile.defaults(),
                        Duration.ofSeconds(5)))
                .serverVerifier(new CertificateChainVerifier(emulator.trustAnchor(), clock))
                .x25519(LibsignalX25519Engine.INSTANCE)
                .signal(signal)
                .preKeyPolicy(new PreKeyPolicy(30, 5, 20, Duration.ofDays(7), Duration.ofDays(30), clock))
                .recentSent(new InMemoryRecentSentStore(64))
                .pendingInbound(pendingInbound)
                .recovery(new RecoveryPolicy(new Backoff(Duration.ofMillis(20), Duration.ofMillis(200),
                        new Random(3))))
                .rateLimiter(limiter)
                .settings(settings())
                .sink(sink)
                .build();
        synchronized (engines) {
            engines.add(engine);
        }
        return new User(engine, sink, signal, credentials.self().toNonAd().toString(), credentials, pendingInbound);
    }

    @Override
    public void close() throws Exception {
        synchronized (engines) {
            for (WaEngine e : engines) {
                try {
                    e.disconnect().toCompletableFuture().get(10, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // best effort: the emulator goes away next anyway
                }
            }
        }
        emulator.close();
        io.shutdownNow();
        crypto.shutdownNow();
        scheduler.shutdownNow();
    }
}
