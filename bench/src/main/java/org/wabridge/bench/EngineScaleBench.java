/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.wabridge.core.auth.InMemoryProviderKeyStore;
import org.wabridge.core.auth.InteropTokenMinter;
import org.wabridge.core.auth.ProviderKeyRing;
import org.wabridge.core.auth.SigningAlgorithm;
import org.wabridge.core.auth.TokenProfile;
import org.wabridge.core.client.ConnectRequest;
import org.wabridge.core.client.EngineCredentials;
import org.wabridge.core.client.EngineMetrics;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.WaEngine;
import org.wabridge.core.client.WaEvent;

/**
 * Engines at scale (issue 6), a plain main like {@link ConnectionScaleBench} because one "operation" is a
 * population: for each size N, N interop {@link WaEngine}s (real ES256 JWTs, in-memory Signal stores, real
 * libsignal, {@value BenchEngines#PREKEYS} one-time prekeys each) connect 8 at a time to an emulator in a child
 * JVM, through login, key bootstrap and own-device usync to ONLINE; then they idle and the heap after GC is
 * divided by N (the engine objects, Signal stores and connection together). Reference in the same run and the
 * same JVM: N bare {@code WaConnection} logins (no engine, no bootstrap) from {@link ConnectionScaleBench}.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.wabridge.bench.EngineScaleBench [sizes]}, default
 * {@code 1000,10000}.
 */
public final class EngineScaleBench {
    private static final int IN_FLIGHT = 8;
    private static final PrintStream OUT = System.out;
    private static final ConnectRequest REQUEST = new ConnectRequest("198.51.100.4");

    private final EmulatorChild child;
    private final InteropTokenMinter minter;
    private final AtomicInteger nextAccount = new AtomicInteger(3_000_000);

    private EngineScaleBench(EmulatorChild child, InteropTokenMinter minter) {
        this.child = child;
        this.minter = minter;
    }

    record Result(int engines, double enginesPerSecond, double heapKiBPerEngine, int threadGrowth) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String s : (args.length > 0 ? args[0] : "1000,10000").split(",")) {
            sizes.add(Integer.parseInt(s.strip()));
        }
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(1000);
        ProviderKeyRing ring = new ProviderKeyRing(new InMemoryProviderKeyStore(), Clock.systemUTC(),
                SigningAlgorithm.ES256, Duration.ofHours(2));
        InteropTokenMinter minter = new InteropTokenMinter(ring, TokenProfile.defaults(ConnectionScaleBench.ISSUER),
                Clock.systemUTC(), BenchEngines.secureRandom());
        try (EmulatorChild child = EmulatorChild.launch(ring, 2 * largest + 500)) {
            OUT.printf("file descriptor limit of this JVM: %d, processors: %d, max heap: %d MiB%n",
                    ConnectionScaleBench.maxFileDescriptors(), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            ConnectionScaleBench connections = new ConnectionScaleBench(child.anchor, child.emulator, child.sink,
                    minter);
            EngineScaleBench bench = new EngineScaleBench(child, minter);
            connections.loginBatch(200, true); // warm-up of both paths
            bench.population(200);
            List<String> rows = new ArrayList<>();
            for (int n : sizes) {
                ConnectionScaleBench.Result ref = connections.loginBatch(n, true);
                Result r = bench.population(n);
                rows.add(String.format("| %d | %.0f | %.0f | %.2f | %.1f | %.1f | %.1f | %d |", n,
                        ref.loginsPerSecond(), r.enginesPerSecond(), r.enginesPerSecond() / ref.loginsPerSecond(),
                        ref.heapKiBPerConnection(), r.heapKiBPerEngine(),
                        r.heapKiBPerEngine() / ref.heapKiBPerConnection(), r.threadGrowth()));
            }
            OUT.println();
            OUT.println("| N | connection logins/s (ref) | engines ONLINE/s | ratio | KiB/idle connection (ref) "
                    + "| KiB/idle engine | ratio | threads added (engines) |");
            OUT.println("|---|---|---|---|---|---|---|---|");
            rows.forEach(OUT::println);
        }
    }

    /** Connects N fresh engines, lets them idle, measures, disconnects them. */
    private Result population(int n) throws Exception {
        List<WaEngine> engines = new ArrayList<>(n);
        AtomicInteger drops = new AtomicInteger();
        try (BenchEngines shared = new BenchEngines(child.emulator, child.anchor)) {
            try {
                long heapBefore = ConnectionScaleBench.usedHeapAfterGc();
                int threadsBefore = Thread.activeCount();
                for (int i = 0; i < n; i++) {
                    engines.add(shared.engine(new EngineCredentials.Interop(nextAccount.getAndIncrement(), 0, 1, minter,
                            true), event -> {
                                if (event instanceof WaEvent.Disconnected) {
                                    drops.incrementAndGet();
                                } else if (event instanceof WaEvent.MessageReceived) {
                                    ((WaEvent.MessageReceived) event).handoff().delivered();
                                }
                            }));
                }
                Semaphore inFlight = new Semaphore(IN_FLIGHT);
                List<CompletableFuture<EngineState>> connects = new ArrayList<>(n);
                long start = System.nanoTime();
                for (WaEngine engine : engines) {
                    inFlight.acquire();
                    connects.add(engine.connect(REQUEST).toCompletableFuture()
                            .whenComplete((s, e) -> inFlight.release()));
                }
                for (CompletableFuture<EngineState> connect : connects) {
                    EngineState state = connect.get(10, TimeUnit.MINUTES);
                    if (state.phase() != EngineState.Phase.ONLINE) {
                        throw new IllegalStateException("an engine did not come online: " + state);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Thread.sleep(2000); // idle: what the logins left behind settles
                long online = engines.stream().filter(e -> e.state().phase() == EngineState.Phase.ONLINE).count();
                if (online != n || drops.get() > 0) {
                    throw new IllegalStateException((n - online) + " engines offline, " + drops + " disconnects");
                }
                long queued = engines.stream().map(WaEngine::metrics)
                        .mapToLong(m -> m.queuedTasks() + m.pendingSends() + m.pendingHandoffs()).sum();
                long heapAfter = ConnectionScaleBench.usedHeapAfterGc();
                Result r = new Result(n, n / seconds, (heapAfter - heapBefore) / 1024.0 / n,
                        Thread.activeCount() - threadsBefore);
                OUT.printf("engines n=%6d  ONLINE/s=%8.1f  heap/engine=%7.1f KiB  threads+%d  queued after idle=%d%n",
                        n, r.enginesPerSecond(), r.heapKiBPerEngine(), r.threadGrowth(), queued);
                EngineMetrics sample = engines.get(0).metrics();
                OUT.println("  metrics of one idle engine: " + sample);
                return r;
            } finally {
                stopAll(engines); // before the shared loop and pools close
            }
        }
    }

    static void stopAll(List<WaEngine> engines) throws Exception {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (WaEngine e : engines) {
            stops.add(e.disconnect().toCompletableFuture());
        }
        CompletableFuture.allOf(stops.toArray(new CompletableFuture[0])).get(2, TimeUnit.MINUTES);
        Thread.sleep(500);
    }
}
