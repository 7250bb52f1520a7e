/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.client.ClientPayloadFactory;
import org.wabridge.core.client.ConnectionClosed;
import org.wabridge.core.client.EngineRuntime;
import org.wabridge.core.client.KeepAlivePolicy;
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

/**
 * Issue 6, "1,000 engines in one JVM connect and idle": 1,000 interop JWT logins of the bridge's own
 * {@link WaConnection} over the NIO connector against the emulator, all idling through keepalive pings for
 * longer than the dead-link window. Asserts that the live thread count does not grow with the connections and
 * that every connection is still open (which, after more than {@code deadAfter} of idling, means each one had
 * its pings answered). Prints heap per idle connection, measured after GC, for both ends together since both
 * live in this JVM (the benchmark separates them). No timing assertions.
 */
class ConnectionScaleTest {
    private static final int CONNECTIONS = 1000;
    private static final int IO_THREADS = 8;
    private static final int LOGINS_IN_FLIGHT = 4;
    private static final KeepAlivePolicy SHORT_KEEPALIVE =
            new KeepAlivePolicy(Duration.ofMillis(1000), Duration.ofMillis(2000), Duration.ofMillis(5000));

    @TempDir
    Path dir;

    @Test
    void thousandConnectionsLogInAndIdleWithoutAThreadEach() throws Exception {
        EmulatorConfig config = EmulatorConfig.defaults().withLimits(CONNECTIONS + 100, 1 << 20, 1000, 600, 50);
        ExecutorService io = Executors.newFixedThreadPool(IO_THREADS);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        EngineRuntime runtime = new EngineRuntime(io, scheduler, Clock.systemUTC(), new Random(11));
        ConcurrentLinkedQueue<ConnectionClosed> closes = new ConcurrentLinkedQueue<>();
        List<WaConnection> connections = new ArrayList<>();
        try (EmulatorFixture f = new EmulatorFixture(dir, config);
             NioTransportLoop loop = NioTransportLoop.start("bridge-nio")) {
            WaConnectionConfig connectionConfig = new WaConnectionConfig(ProtocolProfile.defaults(),
                    Duration.ofSeconds(30), Duration.ofSeconds(30), SHORT_KEEPALIVE);
            TransportConnector connector = TransportConnector.nioTcp(loop, f.emulator.tcpAddress(),
                    connectionConfig.profile(), Duration.ofSeconds(10));
            CertificateChainVerifier verifier = new CertificateChainVerifier(f.emulator.trustAnchor(), Clock.systemUTC());
            SecureRandom random = new SecureRandom();
            ClientPayloadFactory payloads = new ClientPayloadFactory(UserAgentSettings.defaults());
            List<byte[]> loginPayloads = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                long account = 500_000L + i;
                byte[] token = f.idp.token(Long.toString(account), f.clock.instant()).getBytes(StandardCharsets.US_ASCII);
                loginPayloads.add(payloads.bytes(account, 0, token, true, ClientPayload.ConnectReason.USER_ACTIVATED));
            }
            warmUp(io, scheduler);
            long heapBefore = usedHeapAfterGc();
            int threadsBefore = Thread.activeCount();

            // logins block an io thread each (connect, handshake): like the engine's rate limiter, keep only a
            // few in flight so io threads stay free for the frame callbacks and pings of connections already up
            List<CompletableFuture<LoginResult>> logins = new ArrayList<>();
            Semaphore inFlight = new Semaphore(LOGINS_IN_FLIGHT);
            for (byte[] payload : loginPayloads) {
                ClientHandshaker handshaker = new ClientHandshaker(connectionConfig.profile(), X25519.generate(random),
                        verifier, random);
                inFlight.acquire();
                logins.add(WaConnection.open(connectionConfig, runtime, connector, handshaker, payload,
                        new NodeRouter(Map.of()), closes::add).toCompletableFuture()
                        .whenComplete((r, e) -> inFlight.release()));
            }
            for (CompletableFuture<LoginResult> login : logins) {
                LoginResult result = login.get(5, TimeUnit.MINUTES);
                connections.add(assertInstanceOf(LoginResult.LoggedIn.class, result, result.toString()).connection());
            }
            assertTrue(closes.isEmpty(), "connections lost during the logins: " + closes.size() + ", first: "
                    + closes.peek());
            assertEquals(CONNECTIONS, f.emulator.liveConnections());

            // idle for more than the dead-link window: only answered pings keep a connection open that long
            Thread.sleep(SHORT_KEEPALIVE.deadAfter().toMillis() * 3 / 2);
            long open = connections.stream().filter(WaConnection::isOpen).count();
            assertEquals(CONNECTIONS, open, "connections lost while idling: " + closes);
            assertTrue(closes.isEmpty(), closes.toString());
            int threadsGrowth = Thread.activeCount() - threadsBefore;
            assertTrue(threadsGrowth < 100, "threads grew by " + threadsGrowth + " for " + CONNECTIONS
                    + " connections");

            long heapAfter = usedHeapAfterGc();
            System.out.printf("[scale] %d idle connections: threads +%d, heap %.1f KiB per connection "
                            + "(bridge and emulator ends together, after GC)%n", CONNECTIONS, threadsGrowth,
                    (heapAfter - heapBefore) / 1024.0 / CONNECTIONS);
            for (WaConnection c : connections) {
                c.close();
            }
        } finally {
            io.shutdownNow();
            scheduler.shutdownNow();
        }
    }

    /** Starts the pools' threads so they are part of the baseline, not of the growth. */
    private static void warmUp(ExecutorService io, ScheduledExecutorService scheduler) throws Exception {
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasks.add(CompletableFuture.runAsync(() -> { }, io));
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
