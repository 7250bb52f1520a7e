/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.wabridge.core.noise.CipherPair;
import org.wabridge.core.noise.ClientHandshaker;
import org.wabridge.core.noise.NoiseSocket;
import org.wabridge.core.noise.ServerHandshaker;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.transport.ConnectionIntro;
import org.wabridge.core.transport.TcpTransport;
import org.wabridge.signal.LibsignalX25519Engine;

/**
 * Handshakes per second: initiator + responder in memory (pure crypto: 2 ephemeral key generations, 5
 * X25519 agreements, the certificate check, HKDF/AES-GCM/SHA-256), and over loopback TCP (connect, intro,
 * XX, one encrypted frame back as the server's first message, close). The shared verifier caches the
 * chain's signatures after the first handshake, as a bridge's would; the "cold" variant does not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NoiseHandshakeBenchmark {
    private static final LibsignalX25519Engine LIBSIGNAL = LibsignalX25519Engine.INSTANCE;
    private HandshakeFixture fixture;
    private ServerSocket serverSocket;
    private Thread acceptor;
    private ClientHandshaker clientHandshaker;
    private ConnectionIntro intro;

    @Setup
    public void setUp() throws Exception {
        fixture = new HandshakeFixture(new SecureRandom(), Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
        clientHandshaker = new ClientHandshaker(fixture.profile, fixture.clientStatic, fixture.verifier, fixture.random);
        intro = new ConnectionIntro(null, fixture.profile.headerMajor(), fixture.profile.dictVersion());
        serverSocket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        ServerHandshaker serverHandshaker = new ServerHandshaker(fixture.profile, fixture.serverStatic,
                fixture.certChain, new SecureRandom());
        acceptor = new Thread(() -> {
            while (!serverSocket.isClosed()) {
                try {
                    TcpTransport transport = TcpTransport.accept(serverSocket, Set.of(3), fixture.profile.maxFrameSize());
                    ServerHandshaker.Accepted accepted = serverHandshaker.handshake(transport);
                    accepted.socket().send(new byte[] {0, 1, 2, 3}); // stands in for <success/>
                } catch (Exception e) {
                    if (!serverSocket.isClosed()) {
                        e.printStackTrace();
                    }
                }
            }
        }, "bench-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @TearDown
    public void tearDown() throws Exception {
        serverSocket.close();
        acceptor.join(2000);
    }

    @Benchmark
    public CipherPair[] inMemory() throws Exception {
        return fixture.handshakeInMemory();
    }

    /** A first contact: a fresh verifier, so both certificate signatures are really checked (no cache). */
    @Benchmark
    public CipherPair[] inMemoryColdCertificateCheck() throws Exception {
        return fixture.handshakeInMemory(X25519.NOISE_JAVA, fixture.freshVerifier());
    }

    /** The same handshake with libsignal's native curve plugged in through {@code X25519Engine}. */
    @Benchmark
    public CipherPair[] inMemoryLibsignalX25519() throws Exception {
        return fixture.handshakeInMemory(LIBSIGNAL);
    }

    @Benchmark
    public byte[] loopbackTcp() throws Exception {
        TcpTransport transport = TcpTransport.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                serverSocket.getLocalPort()), intro, fixture.profile.maxFrameSize(), Duration.ofSeconds(5));
        try (NoiseSocket socket = clientHandshaker.handshake(transport, HandshakeFixture.PAYLOAD)) {
            return socket.receive(Duration.ofSeconds(5));
        }
    }
}
