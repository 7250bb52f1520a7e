/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.cert.TrustAnchor;
import org.wabridge.core.client.ConnectRateLimiter;
import org.wabridge.core.client.EngineCredentials;
import org.wabridge.core.client.EngineRuntime;
import org.wabridge.core.client.EngineSettings;
import org.wabridge.core.client.TransportConnector;
import org.wabridge.core.client.WaConnectionConfig;
import org.wabridge.core.client.WaEngine;
import org.wabridge.core.client.WaEventSink;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.core.signal.PreKeyPolicy;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalConfig;
import org.wabridge.core.store.inmemory.InMemoryRecentSentStore;
import org.wabridge.core.store.inmemory.InMemorySignalStores;
import org.wabridge.core.transport.NioTransportLoop;
import org.wabridge.signal.LibsignalCryptoFactory;
import org.wabridge.signal.LibsignalX25519Engine;

/**
 * Shared machinery of the engine benchmarks, as the plugin would have it: one NIO loop, a fixed io pool, a
 * crypto pool sized to the cores, one scheduler; and a factory for engines on in-memory Signal stores with real
 * libsignal. The prekey upload is reduced to {@value #PREKEYS} one-time prekeys (the default is 812), so a
 * login measures the session machinery rather than the generation of 812 keys.
 */
final class BenchEngines implements AutoCloseable {
    static final int PREKEYS = 10;

    final Clock clock = Clock.systemUTC();
    final ExecutorService io = Executors.newFixedThreadPool(8);
    final ExecutorService crypto = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final EngineRuntime runtime = new EngineRuntime(io, scheduler, clock, new Random(23), crypto);
    final NioTransportLoop loop;
    private final TransportConnector transport;
    private final CertificateChainVerifier verifier;
    private final PreKeyPolicy preKeys = new PreKeyPolicy(PREKEYS, 2, PREKEYS, Duration.ofDays(7),
            Duration.ofDays(30), clock);
    private final ConnectRateLimiter unlimited = new ConnectRateLimiter(1_000_000, 1_000_000, clock);
    private final EngineSettings settings;

    BenchEngines(InetSocketAddress emulator, TrustAnchor anchor) throws Exception {
        loop = NioTransportLoop.start("bench-engines-nio");
        WaConnectionConfig connection = WaConnectionConfig.defaults();
        transport = TransportConnector.nioTcp(loop, emulator, ProtocolProfile.defaults(), Duration.ofSeconds(30));
        verifier = new CertificateChainVerifier(anchor, clock);
        settings = EngineSettings.defaults().withConnection(connection)
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60));
        warmUp();
    }

    WaEngine engine(EngineCredentials credentials, WaEventSink sink) {
        SignalAddress address = new SignalAddress(credentials.self().signalAddressName(), credentials.self().device());
        return WaEngine.builder()
                .runtime(runtime)
                .credentials(credentials)
                .transport(transport)
                .serverVerifier(verifier)
                .x25519(LibsignalX25519Engine.INSTANCE)
                .signal(new LibsignalCryptoFactory().open(address, InMemorySignalStores.create(),
                        new SignalConfig(IdentityTrustPolicy.ACCEPT_AND_REPORT, clock)))
                .preKeyPolicy(preKeys)
                .recentSent(new InMemoryRecentSentStore(256))
                .rateLimiter(unlimited)
                .settings(settings)
                .sink(sink)
                .build();
    }

    /** Starts every pool thread, so they belong to the thread baseline. */
    private void warmUp() throws Exception {
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            tasks.add(CompletableFuture.runAsync(() -> { }, io));
            tasks.add(CompletableFuture.runAsync(() -> { }, crypto));
        }
        CompletableFuture.allOf(tasks.toArray(new CompletableFuture[0])).get(10, TimeUnit.SECONDS);
        scheduler.schedule(() -> { }, 1, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
    }

    static SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Override
    public void close() {
        loop.close();
        io.shutdownNow();
        crypto.shutdownNow();
        scheduler.shutdownNow();
    }
}
