/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
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
import org.wabridge.core.client.EngineMetrics;
import org.wabridge.core.client.EngineRuntime;
import org.wabridge.core.client.EngineSettings;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.KeepAlivePolicy;
import org.wabridge.core.client.WaConnectionConfig;
import org.wabridge.core.client.WaEngine;
import org.wabridge.core.client.WaEvent;
import org.wabridge.emulator.EmulatorConfig;
import org.wabridge.emulator.WaEmulator;

/**
 * Issue 6, "1,000 engines in one JVM": 1,000 interop {@link WaEngine}s, each with its own real JWTs from one
 * provider key ring, in-memory Signal stores and real libsignal, on one shared {@link EngineRuntime} and one NIO
 * loop, connect to the emulator (login, key bootstrap, own usync) and idle for longer than the dead-link window,
 * so each stays up only because its keepalive pings are answered. Asserts every engine is ONLINE and none
 * disconnected, that the live thread count grew by a bounded amount unrelated to the number of engines, and that
 * every engine's queues are empty once idle. Prints heap per idle engine after GC (both ends: the emulator
 * lives in this JVM; {@code EngineScaleBench} separates them). No timing assertions.
 *
 * <p>The prekey policy is reduced to 10 one-time prekeys ({@link NioEngineFactory}; the default is 812): the
 * upload's key generation would dominate the run without changing what is tested here, which is the engines'
 * shared threads and their idle footprint.
 */
class EngineScaleTest {
    private static final int ENGINES = 1000;
    private static final int CONNECTS_IN_FLIGHT = 8;
    /** Pools, loop and scheduler are fixed; this leaves room for JDK and emulator helper threads, not one per engine. */
    private static final int THREAD_GROWTH_BOUND = 32;
    private static final KeepAlivePolicy SHORT_KEEPALIVE =
            new KeepAlivePolicy(Duration.ofMillis(1000), Duration.ofMillis(2000), Duration.ofMillis(5000));

    @TempDir
    Path dir;

    @Test
    void thousandEnginesConnectAndIdleOnSharedThreads() throws Exception {
        Clock clock = Clock.systemUTC();
        EmulatorConfig config = EmulatorConfig.defaults().withLimits(ENGINES + 100, 1 << 20, 1000, 600, 50);
        ExecutorService io = Executors.newFixedThreadPool(8);
        ExecutorService crypto = Executors.newFixedThreadPool(2);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        EngineRuntime runtime = new EngineRuntime(io, scheduler, clock, new Random(17), crypto);
        ConcurrentLinkedQueue<WaEvent.Disconnected> drops = new ConcurrentLinkedQueue<>();
        AtomicInteger connectedEvents = new AtomicInteger();
        List<WaEngine> engines = new ArrayList<>(ENGINES);
        try (NioEngineFactory factory = new NioEngineFactory(dir, config)) {
            WaEmulator emulator = factory.emulator;
            WaConnectionConfig connection = new WaConnectionConfig(ProtocolProfile.defaults(), Duration.ofSeconds(30),
                    Duration.ofSeconds(30), SHORT_KEEPALIVE);
            EngineSettings settings = EngineSettings.defaults().withConnection(connection)
                    .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30));
            warmUp(io, crypto, scheduler);
            long heapBefore = usedHeapAfterGc(); // the engines' own objects and Signal stores count too
            int threadsBefore = Thread.activeCount();
            for (int i = 0; i < ENGINES; i++) {
                engines.add(factory.engine(factory.interop(700_000L + i), runtime, settings, event -> {
                    if (event instanceof WaEvent.Disconnected) {
                        drops.add((WaEvent.Disconnected) event);
                    } else if (event instanceof WaEvent.Connected) {
                        connectedEvents.incrementAndGet();
                    }
                }));
            }

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
            assertTrue(drops.isEmpty(), "engines disconnected while idling: " + drops.size() + ", first: "
                    + drops.peek());
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
