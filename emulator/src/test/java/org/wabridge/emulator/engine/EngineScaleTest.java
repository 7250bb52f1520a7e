/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.auth.InMemoryProviderKeyStore;
import org.wabridge.core.auth.InteropTokenMinter;
import org.wabridge.core.auth.ProviderKeyExport;
import org.wabridge.core.auth.ProviderKeyRing;
import org.wabridge.core.auth.SigningAlgorithm;
import org.wabridge.core.auth.TokenProfile;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.client.ConnectRateLimiter;
import org.wabridge.core.client.EngineCredentials;
import org.wabridge.core.client.EngineMetrics;
import org.wabridge.core.client.EngineRuntime;
import org.wabridge.core.client.EngineSettings;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.KeepAlivePolicy;
import org.wabridge.core.client.TransportConnector;
import org.wabridge.core.client.WaConnectionConfig;
import org.wabridge.core.client.WaEngine;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.core.signal.PreKeyPolicy;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalConfig;
import org.wabridge.core.store.inmemory.InMemoryRecentSentStore;
import org.wabridge.core.store.inmemory.InMemorySignalStores;
import org.wabridge.core.transport.NioTransportLoop;
import org.wabridge.emulator.EmulatorConfig;
import org.wabridge.emulator.WaEmulator;
import org.wabridge.signal.LibsignalCryptoFactory;
import org.wabridge.signal.LibsignalX25519Engine;

/**
 * Issue 6, "1,000 engines in one JVM": 1,000 interop {@link WaEngine}s, each with its own real JWTs from one
 * provider key ring, in-memory Signal stores and real libsignal, on one shared {@link EngineRuntime} and one NIO
 * loop, connect to the emulator (login, key bootstrap, own usync) and idle for longer than the dead-link window,
 * so each stays up only because its keepalive pings are answered. Asserts every engine is ONLINE and none
 * disconnected, that the live thread count grew by a bounded amount unrelated to the number of engines, and that
 * every engine's queues are empty once idle. Prints heap per idle engine after GC (both ends: the emulator
 * lives in this JVM; {@code EngineScaleBench} separates them). No timing assertions.
 *
 * <p>The prekey policy is reduced to 10 one-time prekeys (the default is 812): the upload's key generation
 * would dominate the run without changing what is tested here, which is the engines' shared threads and
 * their idle footprint.
 */
class EngineScaleTest {
    private static final int ENGINES = 1000;
    private static final int CONNECTS_IN_FLIGHT = 8;
    /** Pools, loop and scheduler are fixed; this allows for JDK helper threads (GC, common pool), not per-engine ones. */
    private static final int THREAD_GROWTH_BOUND = 32;
    private static final String ISSUER = "https://xmpp.example.org";
    private static final KeepAlivePolicy SHORT_KEEPALIVE =
            new KeepAlivePolicy(Duration.ofMillis(1000), Duration.ofMillis(2000), Duration.ofMillis(5000));

    @TempDir
    Path dir;

    @Test
    void thousandEnginesConnectAndIdleOnSharedThreads() throws Exception {
        Clock clock = Clock.systemUTC();
        ProviderKeyRing ring = new ProviderKeyRing(new InMemoryProviderKeyStore(), clock, SigningAlgorithm.ES256,
                Duration.ofHours(1));
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, ProviderKeyExport.jwks(ring.published()));
        EmulatorConfig config = EmulatorConfig.defaults()
                .withProviders(List.of(new EmulatorConfig.Provider(ISSUER, TokenProfile.DEFAULT_AUDIENCE, jwks, null)))
                .withLimits(ENGINES + 100, 1 << 20, 1000, 600, 50);
        ExecutorService io = Executors.newFixedThreadPool(8);
        ExecutorService crypto = Executors.newFixedThreadPool(2);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        EngineRuntime runtime = new EngineRuntime(io, scheduler, clock, new Random(17), crypto);
        ConcurrentLinkedQueue<WaEvent.Disconnected> drops = new ConcurrentLinkedQueue<>();
        AtomicInteger connectedEvents = new AtomicInteger();
        List<WaEngine> engines = new ArrayList<>(ENGINES);
        try (WaEmulator emulator = WaEmulator.start(config, clock);
             NioTransportLoop loop = NioTransportLoop.start("engine-scale-nio")) {
            WaConnectionConfig connection = new WaConnectionConfig(ProtocolProfile.defaults(), Duration.ofSeconds(30),
                    Duration.ofSeconds(30), SHORT_KEEPALIVE);
            EngineSettings settings = EngineSettings.defaults().withConnection(connection)
                    .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30));
            TransportConnector transport = TransportConnector.nioTcp(loop, emulator.tcpAddress(), connection.profile(),
                    Duration.ofSeconds(10));
            CertificateChainVerifier verifier = new CertificateChainVerifier(emulator.trustAnchor(), clock);
            InteropTokenMinter minter = new InteropTokenMinter(ring, TokenProfile.defaults(ISSUER), clock,
                    new SecureRandom());
            PreKeyPolicy fewPreKeys = new PreKeyPolicy(10, 2, 10, Duration.ofDays(7), Duration.ofDays(30), clock);
            ConnectRateLimiter unlimited = new ConnectRateLimiter(1_000_000, 1_000_000, clock);
            for (int i = 0; i < ENGINES; i++) {
                EngineCredentials credentials = new EngineCredentials.Interop(700_000L + i, 0, 1, minter, true);
                engines.add(WaEngine.builder()
                        .runtime(runtime)
                        .credentials(credentials)
                        .transport(transport)
                        .serverVerifier(verifier)
                        .x25519(LibsignalX25519Engine.INSTANCE)
                        .signal(new LibsignalCryptoFactory().open(new SignalAddress(
                                        credentials.self().signalAddressName(), credentials.self().device()),
                                InMemorySignalStores.create(), new SignalConfig(IdentityTrustPolicy.ACCEPT_AND_REPORT,
                                        clock)))
                        .preKeyPolicy(fewPreKeys)
                        .recentSent(new InMemoryRecentSentStore(64))
                        .rateLimiter(unlimited)
                        .settings(settings)
                        .sink(event -> {
                            if (event instanceof WaEvent.Disconnected) {
                                drops.add((WaEvent.Disconnected) event);
                            } else if (event instanceof WaEvent.Connected) {
                                connectedEvents.incrementAndGet();
                            }
                        })
                        .build());
            }
            warmUp(io, crypto, scheduler);
            long heapBefore = usedHeapAfterGc();
            int threadsBefore = Thread.activeCount();

            // a gateway staggers logins (rate limiter); here a few in flight keep the io pool free for live ones
            Semaphore inFlight = new Semaphore(CONNECTS_IN_FLIGHT);
            List<CompletableFuture<EngineState>> connects = new ArrayList<>(ENGINES);
            for (WaEngine engine : engines) {
                inFlight.acquire();
                connects.add(engine.connect(EngineTestBed.REQUEST).toCompletableFuture()
                        .whenComplete((s, e) -> inFlight.release()));
            }
            for (CompletableFuture<EngineState> connect : connects) {
                EngineState state = connect.get(5, TimeUnit.MINUTES);
                assertEquals(EngineState.Phase.ONLINE, state.phase(), state.toString());
            }
            assertEquals(ENGINES, connectedEvents.get());
            assertEquals(ENGINES, emulator.liveConnections());

            // idle for longer than the dead-link window: only answered pings keep an engine online that long
            Thread.sleep(SHORT_KEEPALIVE.deadAfter().toMillis() * 3 / 2);
            long online = engines.stream().filter(e -> e.state().phase() == EngineState.Phase.ONLINE).count();
            assertEquals(ENGINES, online, "engines not online after idling; drops: " + drops);
            assertTrue(drops.isEmpty(), "engines disconnected while idling: " + drops.size() + ", first: " + drops.peek());
            int threadGrowth = Thread.activeCount() - threadsBefore;
            assertTrue(threadGrowth <= THREAD_GROWTH_BOUND, "threads grew by " + threadGrowth + " for " + ENGINES
                    + " engines");
            for (WaEngine engine : engines) {
                EngineMetrics m = engine.metrics();
                assertEquals(0, m.pendingSends() + m.pendingHandoffs() + m.queuedTasks(), m.toString());
            }

            long heapAfter = usedHeapAfterGc();
            System.out.printf("[engine-scale] %d idle engines: threads +%d, heap %.1f KiB per engine "
                            + "(bridge and emulator ends together, after GC)%n", ENGINES, threadGrowth,
                    (heapAfter - heapBefore) / 1024.0 / ENGINES);
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            for (WaEngine engine : engines) {
                stops.add(engine.disconnect().toCompletableFuture());
            }
            CompletableFuture.allOf(stops.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
        } finally {
            io.shutdownNow();
            crypto.shutdownNow();
            scheduler.shutdownNow();
        }
    }

    /** Starts the pools' threads so they are part of the baseline, not of the growth. */
    private static void warmUp(ExecutorService io, ExecutorService crypto, ScheduledExecutorService scheduler)
            throws Exception {
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasks.add(CompletableFuture.runAsync(() -> { }, io));
            tasks.add(CompletableFuture.runAsync(() -> { }, crypto));
        }
        CompletableFuture.allOf(tasks.toArray(new CompletableFuture[0])).get(10, TimeUnit.SECONDS);
        scheduler.schedule(() -> { }, 1, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
