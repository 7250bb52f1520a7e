/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.wabridge.core.auth.InMemoryProviderKeyStore;
import org.wabridge.core.auth.InteropTokenMinter;
import org.wabridge.core.auth.ProviderKeyExport;
import org.wabridge.core.auth.ProviderKeyRing;
import org.wabridge.core.auth.SigningAlgorithm;
import org.wabridge.core.auth.TokenProfile;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.cert.TrustAnchor;
import org.wabridge.core.client.ClientPayloadFactory;
import org.wabridge.core.client.EngineRuntime;
import org.wabridge.core.client.LoginResult;
import org.wabridge.core.client.NodeRouter;
import org.wabridge.core.client.TransportConnector;
import org.wabridge.core.client.UserAgentSettings;
import org.wabridge.core.client.WaConnection;
import org.wabridge.core.client.WaConnectionConfig;
import org.wabridge.core.noise.ClientHandshaker;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;
import org.wabridge.core.transport.NioTransportLoop;
import org.wabridge.signal.LibsignalX25519Engine;

/**
 * Connections at scale (issue 6), a plain main rather than JMH because one "operation" is a whole population
 * of logged-in connections: for each size N, logins per second and heap per idle connection of the bridge's
 * {@link WaConnection} (interop JWT login, Noise XX, {@code <success>}) over the NIO connector, with references
 * measured in the same run: the blocking {@code TcpTransport} connector (a reader thread plus a pump task per
 * connection) for both figures, and N bare connected loopback sockets for heap. The emulator runs in a child
 * JVM ({@link ScaleEmulatorProcess}). Logins are kept 8 in flight on both paths.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.wabridge.bench.ConnectionScaleBench [sizes] [blockingMax]},
 * default {@code 1000,10000 1000}: the blocking reference runs only for sizes up to {@code blockingMax}.
 */
public final class ConnectionScaleBench {
    static final String ISSUER = "https://bench.example.org";
    private static final int IN_FLIGHT = 8;
    private static final PrintStream OUT = System.out;

    private final TrustAnchor anchor;
    private final InetSocketAddress emulator;
    private final InetSocketAddress sink;
    private final InteropTokenMinter minter;
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger nextAccount = new AtomicInteger(1_000_000);

    ConnectionScaleBench(TrustAnchor anchor, InetSocketAddress emulator, InetSocketAddress sink,
                                 InteropTokenMinter minter) {
        this.anchor = anchor;
        this.emulator = emulator;
        this.sink = sink;
        this.minter = minter;
    }

    /** One measured population. */
    record Result(String path, int connections, double loginsPerSecond, double heapKiBPerConnection, int threadGrowth) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--serve")) {
            ScaleEmulatorProcess.serve(Path.of(args[1]), ISSUER, Integer.parseInt(args[2]));
            return;
        }
        List<Integer> sizes = new ArrayList<>();
        for (String s : (args.length > 0 ? args[0] : "1000,10000").split(",")) {
            sizes.add(Integer.parseInt(s.strip()));
        }
        int blockingMax = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(1000);

        ProviderKeyRing ring = new ProviderKeyRing(new InMemoryProviderKeyStore(), Clock.systemUTC(),
                SigningAlgorithm.ES256, Duration.ofHours(2));
        try (EmulatorChild child = EmulatorChild.launch(ring, largest + 100)) {
            ConnectionScaleBench bench = new ConnectionScaleBench(child.anchor, child.emulator, child.sink,
                    new InteropTokenMinter(ring, TokenProfile.defaults(ISSUER), Clock.systemUTC(), new SecureRandom()));
            OUT.printf("file descriptor limit of this JVM: %d%n", maxFileDescriptors());
            bench.loginBatch(200, true); // warm-up: JIT, TLS-free crypto paths, pools
            List<Result> results = new ArrayList<>();
            for (int n : sizes) {
                results.add(bench.bareSockets(n, child.process));
                results.add(bench.loginBatch(n, true));
                if (n <= blockingMax) {
                    results.add(bench.loginBatch(n, false));
                }
            }
            OUT.println();
            OUT.println("| connections | path | logins/s | heap KiB per idle connection | threads added |");
            OUT.println("|---|---|---|---|---|");
            for (Result r : results) {
                OUT.printf("| %d | %s | %s | %.1f | %d |%n", r.connections(), r.path(),
                        r.loginsPerSecond() < 0 ? "–" : String.format("%.0f", r.loginsPerSecond()),
                        r.heapKiBPerConnection(), r.threadGrowth());
            }
        }
    }

    /** N plain connected sockets: the least any connection can cost (the heap reference). */
    private Result bareSockets(int n, Process child) throws Exception {
        long before = usedHeapAfterGc();
        int threads = Thread.activeCount();
        List<SocketChannel> sockets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sockets.add(SocketChannel.open(sink));
        }
        long after = usedHeapAfterGc();
        Result r = new Result("bare loopback socket (reference)", n, -1, (after - before) / 1024.0 / n,
                Thread.activeCount() - threads);
        for (SocketChannel s : sockets) {
            s.close();
        }
        child.getOutputStream().write("CLOSE-SINK\n".getBytes(StandardCharsets.US_ASCII));
        child.getOutputStream().flush();
        report(r);
        return r;
    }

    /** Logs in N connections ({@code nio} or blocking connector), lets them idle, measures, closes them. */
    Result loginBatch(int n, boolean nio) throws Exception {
        WaConnectionConfig config = WaConnectionConfig.defaults();
        List<byte[]> payloads = new ArrayList<>(n);
        ClientPayloadFactory factory = new ClientPayloadFactory(UserAgentSettings.defaults());
        for (int i = 0; i < n; i++) {
            long account = nextAccount.getAndIncrement();
            payloads.add(factory.bytes(account, 0, minter.mint(Long.toString(account), "198.51.100.4").bytes(), true,
                    ClientPayload.ConnectReason.USER_ACTIVATED));
        }
        // the blocking path parks an io thread per connection (its pump), so it needs an unbounded pool
        ExecutorService io = nio ? Executors.newFixedThreadPool(IN_FLIGHT + 2) : Executors.newCachedThreadPool();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        NioTransportLoop loop = NioTransportLoop.start("bench-nio");
        EngineRuntime runtime = new EngineRuntime(io, scheduler, Clock.systemUTC(), new Random(5));
        TransportConnector connector = nio
                ? TransportConnector.nioTcp(loop, emulator, config.profile(), Duration.ofSeconds(10))
                : TransportConnector.blockingTcp(emulator, config.profile(), Duration.ofSeconds(10));
        CertificateChainVerifier verifier = new CertificateChainVerifier(anchor, Clock.systemUTC());
        List<WaConnection> connections = new ArrayList<>(n);
        try {
            long heapBefore = usedHeapAfterGc();
            int threadsBefore = Thread.activeCount();
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            List<CompletableFuture<LoginResult>> logins = new ArrayList<>(n);
            long start = System.nanoTime();
            for (byte[] payload : payloads) {
                ClientHandshaker handshaker = new ClientHandshaker(config.profile(),
                        X25519.generate(random, LibsignalX25519Engine.INSTANCE), verifier, random,
                        LibsignalX25519Engine.INSTANCE);
                inFlight.acquire();
                logins.add(WaConnection.open(config, runtime, connector, handshaker, payload, new NodeRouter(Map.of()),
                        closed -> { }).toCompletableFuture().whenComplete((r, e) -> inFlight.release()));
            }
            for (CompletableFuture<LoginResult> login : logins) {
                LoginResult result = login.get(5, TimeUnit.MINUTES);
                if (!(result instanceof LoginResult.LoggedIn)) {
                    throw new IllegalStateException("login failed: " + result);
                }
                connections.add(((LoginResult.LoggedIn) result).connection());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(2000); // idle: whatever the login left behind settles
            long open = connections.stream().filter(WaConnection::isOpen).count();
            if (open != n) {
                throw new IllegalStateException((n - open) + " connections closed while idle");
            }
            long heapAfter = usedHeapAfterGc();
            Result r = new Result(nio ? "NIO connector (shared loop)" : "blocking TcpTransport (reference)", n,
                    n / seconds, (heapAfter - heapBefore) / 1024.0 / n, Thread.activeCount() - threadsBefore);
            report(r);
            return r;
        } finally {
            for (WaConnection c : connections) {
                c.close();
            }
            Thread.sleep(500);
            loop.close();
            io.shutdownNow();
            scheduler.shutdownNow();
        }
    }

    private static void report(Result r) {
        OUT.printf("%-36s n=%6d  logins/s=%8.1f  heap/conn=%7.1f KiB  threads+%d%n", r.path(), r.connections(),
                r.loginsPerSecond(), r.heapKiBPerConnection(), r.threadGrowth());
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(150);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long maxFileDescriptors() {
        Object os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean
                ? ((com.sun.management.UnixOperatingSystemMXBean) os).getMaxFileDescriptorCount() : -1;
    }
}
