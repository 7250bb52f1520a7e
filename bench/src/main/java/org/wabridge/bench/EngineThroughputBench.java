/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.wabridge.core.auth.InMemoryProviderKeyStore;
import org.wabridge.core.auth.InteropTokenMinter;
import org.wabridge.core.auth.ProviderKeyExport;
import org.wabridge.core.auth.ProviderKeyRing;
import org.wabridge.core.auth.SigningAlgorithm;
import org.wabridge.core.auth.TokenProfile;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.client.ClientPayloadFactory;
import org.wabridge.core.client.ConnectRequest;
import org.wabridge.core.client.EngineCredentials;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.LoginResult;
import org.wabridge.core.client.NodeRouter;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.TransportConnector;
import org.wabridge.core.client.UserAgentSettings;
import org.wabridge.core.client.WaConnection;
import org.wabridge.core.client.WaConnectionConfig;
import org.wabridge.core.client.WaEngine;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.iq.PingIq;
import org.wabridge.core.message.TextContent;
import org.wabridge.core.noise.ClientHandshaker;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519KeyPair;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;
import org.wabridge.core.signal.EncryptedMessage;
import org.wabridge.emulator.EmulatorConfig;
import org.wabridge.emulator.WaEmulator;
import org.wabridge.signal.LibsignalX25519Engine;

/**
 * Messages per second through engines (issue 6), a plain main: P pairs of an interop engine (the bridge's user)
 * sending 1:1 text to a simulated WhatsApp user's engine, against an in-process emulator, with a bounded window
 * of sends in flight. Two rates per run: send → server ack (the {@link SendResult.Accepted} futures) and
 * send → peer handoff (the peer engine decrypted it and raised {@link WaEvent.MessageReceived}, which the
 * benchmark confirms at once). References in the same run: one Signal encrypt + decrypt through the same port
 * on one thread (the crypto floor of a message), and keepalive ping IQ round trips over one bare
 * {@link WaConnection} with the same window (the transport and emulator floor of one node each way).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.wabridge.bench.EngineThroughputBench [messages] [pairs]},
 * default {@code 4000 100}: the one-pair run and the P-pair run each send that many messages in total.
 */
public final class EngineThroughputBench {
    private static final PrintStream OUT = System.out;
    private static final String ISSUER = "https://bench.example.org";
    private static final ConnectRequest REQUEST = new ConnectRequest("198.51.100.4");
    private static final int WINDOW_ONE_PAIR = 32;
    private static final int WINDOW_PER_PAIR = 4;

    private final WaEmulator emulator;
    private final BenchEngines shared;
    private final InteropTokenMinter minter;
    private final AtomicLong nextAccount = new AtomicLong(5_000_000);
    private final AtomicInteger peakReceiverQueue = new AtomicInteger();
    private volatile CountDownLatch handoffs = new CountDownLatch(0);

    private EngineThroughputBench(WaEmulator emulator, BenchEngines shared, InteropTokenMinter minter) {
        this.emulator = emulator;
        this.shared = shared;
        this.minter = minter;
    }

    record Pair(WaEngine sender, WaEngine receiver, String receiverJid) {
    }

    record Rates(double acked, double handedOff) {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Clock clock = Clock.systemUTC();
        ProviderKeyRing ring = new ProviderKeyRing(new InMemoryProviderKeyStore(), clock, SigningAlgorithm.ES256,
                Duration.ofHours(2));
        Path jwks = Files.createTempFile("bench-jwks", ".json");
        Files.writeString(jwks, ProviderKeyExport.jwks(ring.published()));
        EmulatorConfig config = EmulatorConfig.defaults()
                .withProviders(List.of(new EmulatorConfig.Provider(ISSUER, TokenProfile.DEFAULT_AUDIENCE, jwks, null)))
                .withLimits(4 * pairs + 100, 1 << 20, 100_000, 100_000_000, 1000);
        InteropTokenMinter minter = new InteropTokenMinter(ring, TokenProfile.defaults(ISSUER), clock,
                BenchEngines.secureRandom());
        try (WaEmulator emulator = WaEmulator.start(config, clock);
             BenchEngines shared = new BenchEngines(emulator.tcpAddress(), emulator.trustAnchor())) {
            EngineThroughputBench bench = new EngineThroughputBench(emulator, shared, minter);
            List<Pair> one = bench.pairs(1);
            List<Pair> many = bench.pairs(pairs);
            bench.run(one, messages / 4, WINDOW_ONE_PAIR); // warm-up: JIT, sessions, device lists
            bench.run(many, messages / 4, WINDOW_PER_PAIR * pairs);
            for (int round = 1; round <= 2; round++) { // two rounds: on a shared machine, see the spread
                double signal = signalPairsPerSecond(messages);
                double pings = bench.pingsPerSecond(messages, WINDOW_ONE_PAIR);
                bench.peakReceiverQueue.set(0);
                Rates single = bench.run(one, messages, WINDOW_ONE_PAIR);
                int peakOne = bench.peakReceiverQueue.getAndSet(0);
                Rates multi = bench.run(many, messages, WINDOW_PER_PAIR * pairs);
                int peakMany = bench.peakReceiverQueue.get();
                OUT.println();
                OUT.println("round " + round);
                OUT.println("| path | msgs/s | ratio to Signal enc+dec | ratio to ping round trips |");
                OUT.println("|---|---|---|---|");
                OUT.printf("| Signal encrypt+decrypt, 1 thread (reference) | %.0f | 1.00 | %.2f |%n", signal,
                        signal / pings);
                OUT.printf("| WaConnection ping IQ round trips, window %d (reference) | %.0f | %.2f | 1.00 |%n",
                        WINDOW_ONE_PAIR, pings, pings / signal);
                row("1 pair, send → server ack", single.acked(), signal, pings, WINDOW_ONE_PAIR);
                row("1 pair, send → peer handoff", single.handedOff(), signal, pings, WINDOW_ONE_PAIR);
                row(pairs + " pairs, send → server ack", multi.acked(), signal, pings, WINDOW_PER_PAIR * pairs);
                row(pairs + " pairs, send → peer handoff", multi.handedOff(), signal, pings, WINDOW_PER_PAIR * pairs);
                OUT.printf("peak serial-queue length of a receiving engine: 1 pair %d, %d pairs %d%n", peakOne,
                        pairs, peakMany);
            }
            List<WaEngine> all = new ArrayList<>();
            for (Pair p : one) {
                all.add(p.sender());
                all.add(p.receiver());
            }
            for (Pair p : many) {
                all.add(p.sender());
                all.add(p.receiver());
            }
            EngineScaleBench.stopAll(all);
        } finally {
            Files.deleteIfExists(jwks);
        }
    }

    private static void row(String path, double rate, double signal, double pings, int window) {
        OUT.printf("| %s (window %d) | %.0f | %.2f | %.2f |%n", path, window, rate, rate / signal, rate / pings);
    }

    /** P connected pairs: an interop engine and an opted-in WhatsApp user's engine. */
    private List<Pair> pairs(int p) throws Exception {
        List<Pair> out = new ArrayList<>();
        List<CompletableFuture<EngineState>> connects = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            String phone = Long.toString(4_917_000_000_000L + nextAccount.incrementAndGet());
            X25519KeyPair key = X25519.generate(BenchEngines.secureRandom(), LibsignalX25519Engine.INSTANCE);
            emulator.directory().addUser(phone, true);
            emulator.directory().addDevice(phone, 0, key.publicKey());
            WaEngine receiver = shared.engine(new EngineCredentials.Consumer(Long.parseLong(phone), 0, key, "Peer"),
                    this::atReceiver);
            WaEngine sender = shared.engine(new EngineCredentials.Interop(nextAccount.incrementAndGet(), 0, 1, minter,
                    true), event -> { });
            connects.add(receiver.connect(REQUEST).toCompletableFuture());
            connects.add(sender.connect(REQUEST).toCompletableFuture());
            out.add(new Pair(sender, receiver, phone + "@s.whatsapp.net"));
        }
        for (CompletableFuture<EngineState> c : connects) {
            EngineState state = c.get(5, TimeUnit.MINUTES);
            if (state.phase() != EngineState.Phase.ONLINE) {
                throw new IllegalStateException("engine not online: " + state);
            }
        }
        return out;
    }

    private void atReceiver(WaEvent event) {
        if (event instanceof WaEvent.MessageReceived) {
            ((WaEvent.MessageReceived) event).handoff().delivered();
            handoffs.countDown();
        }
    }

    /** Sends {@code total} messages round-robin over the pairs, at most {@code window} unacked at once. */
    private Rates run(List<Pair> pairs, int total, int window) throws Exception {
        CountDownLatch handed = new CountDownLatch(total);
        handoffs = handed;
        CountDownLatch acked = new CountDownLatch(total);
        AtomicReference<SendResult> failure = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(window);
        AtomicLong lastAck = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            Pair pair = pairs.get(i % pairs.size());
            inFlight.acquire();
            pair.sender().sendMessage(pair.receiverJid(), "B" + nextAccount.incrementAndGet(),
                    TextContent.of("benchmark message number " + i)).whenComplete((result, e) -> {
                        if (!(result instanceof SendResult.Accepted)) {
                            failure.compareAndSet(null, result);
                        }
                        lastAck.set(System.nanoTime());
                        acked.countDown();
                        inFlight.release();
                    });
            if ((i & 63) == 0) {
                sampleReceiverQueues(pairs);
            }
        }
        if (!acked.await(5, TimeUnit.MINUTES) || failure.get() != null) {
            throw new IllegalStateException("sends not accepted: " + failure.get() + ", left " + acked.getCount());
        }
        while (!handed.await(10, TimeUnit.MILLISECONDS)) {
            sampleReceiverQueues(pairs);
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
                throw new IllegalStateException("handoffs missing: " + handed.getCount());
            }
        }
        long end = System.nanoTime();
        Rates r = new Rates(total / ((lastAck.get() - start) / 1e9), total / ((end - start) / 1e9));
        OUT.printf("%3d pair(s) %6d msgs window %4d: acked %.0f/s, handed off %.0f/s%n", pairs.size(), total, window,
                r.acked(), r.handedOff());
        return r;
    }

    private void sampleReceiverQueues(List<Pair> pairs) {
        for (Pair p : pairs) {
            peakReceiverQueue.accumulateAndGet(p.receiver().metrics().queuedTasks(), Math::max);
        }
    }

    /** Reference: one Signal encrypt and one decrypt per message on an established session, one thread. */
    private static double signalPairsPerSecond(int messages) throws Exception {
        SignalPeers peers = new SignalPeers();
        peers.establish(false);
        byte[] plaintext = new byte[48];
        for (int i = 0; i < messages; i++) { // warm-up
            EncryptedMessage m = peers.alice.encrypt(peers.bobAddress, plaintext);
            peers.bob.decrypt(peers.aliceAddress, m.kind(), m.ciphertext());
        }
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            EncryptedMessage m = peers.alice.encrypt(peers.bobAddress, plaintext);
            peers.bob.decrypt(peers.aliceAddress, m.kind(), m.ciphertext());
        }
        double rate = messages / ((System.nanoTime() - start) / 1e9);
        OUT.printf("Signal encrypt+decrypt: %.0f/s%n", rate);
        return rate;
    }

    /** Reference: ping IQs over one logged-in bare connection (same loop, pools and emulator), windowed. */
    private double pingsPerSecond(int total, int window) throws Exception {
        long account = nextAccount.incrementAndGet();
        WaConnectionConfig config = WaConnectionConfig.defaults();
        byte[] payload = new ClientPayloadFactory(UserAgentSettings.defaults()).bytes(account, 0,
                minter.mint(Long.toString(account), "198.51.100.4").bytes(), true,
                ClientPayload.ConnectReason.USER_ACTIVATED);
        ClientHandshaker handshaker = new ClientHandshaker(config.profile(),
                X25519.generate(BenchEngines.secureRandom(), LibsignalX25519Engine.INSTANCE),
                new CertificateChainVerifier(emulator.trustAnchor(), shared.clock), BenchEngines.secureRandom(),
                LibsignalX25519Engine.INSTANCE);
        LoginResult login = WaConnection.open(config, shared.runtime, TransportConnector.nioTcp(shared.loop,
                emulator.tcpAddress(), config.profile(), Duration.ofSeconds(10)), handshaker, payload,
                new NodeRouter(Map.of()), closed -> { }).toCompletableFuture().get(1, TimeUnit.MINUTES);
        WaConnection connection = ((LoginResult.LoggedIn) login).connection();
        try {
            double rate = 0;
            for (int round = 0; round < 2; round++) { // the first round warms up
                CountDownLatch done = new CountDownLatch(total);
                Semaphore inFlight = new Semaphore(window);
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    inFlight.acquire();
                    connection.request(PingIq.INSTANCE, Duration.ofSeconds(30)).whenComplete((ok, e) -> {
                        inFlight.release();
                        done.countDown();
                    });
                }
                done.await(5, TimeUnit.MINUTES);
                rate = total / ((System.nanoTime() - start) / 1e9);
            }
            OUT.printf("ping round trips: %.0f/s%n", rate);
            return rate;
        } finally {
            connection.close();
        }
    }
}
