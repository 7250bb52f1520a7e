/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.cert.CertificateChainException;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.cert.TrustAnchor;
import org.wabridge.core.cert.XEdDsaSigner;
import org.wabridge.core.noise.HandshakeException.Step;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;
import org.wabridge.core.transport.ConnectionIntro;
import org.wabridge.core.transport.ConnectionIntroException;
import org.wabridge.core.transport.FrameTooLargeException;
import org.wabridge.core.transport.FrameTransport;
import org.wabridge.core.transport.JdkWebSocketTransport;
import org.wabridge.core.transport.ReceiveTimeoutException;
import org.wabridge.core.transport.TcpTransport;
import org.wabridge.core.transport.TransportClosedException;
import org.wabridge.core.transport.TruncatedFrameException;
import org.wabridge.core.transport.WebSocketTestServer;

/**
 * Initiator and responder from this code over real loopback sockets (TCP and WebSocket): the handshake,
 * encrypted frames both ways (including multi-MiB frames split across WebSocket messages), and every
 * failure the issue lists, each with its own type.
 */
class LoopbackHandshakeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final SecureRandom random = new SecureRandom();
    private final TestChains chains = new TestChains(random);
    private final X25519KeyPair clientStatic = X25519.generate(random);
    private final ProtocolProfile profile = ProtocolProfile.defaults();
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final byte[] payload = ClientPayload.newBuilder()
            .setProduct(ClientPayload.Product.INTEROP)
            .setPassive(true)
            .setInteropData(ClientPayload.InteropData.newBuilder().setAccountID(12345L)
                    .setToken(ByteString.copyFromUtf8("header.claims.signature")).setEnableReadReceipts(true))
            .build().toByteArray();

    @AfterEach
    void stopServerThreads() {
        serverThreads.shutdownNow();
    }

    private ServerHandshaker serverHandshaker() {
        return new ServerHandshaker(profile, chains.serverStatic, chains.certChain, random);
    }

    private ClientHandshaker clientHandshaker(CertificateChainVerifier verifier) {
        return new ClientHandshaker(profile, clientStatic, verifier, random);
    }

    private static ServerSocket loopbackServer() throws Exception {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    private TcpTransport connectTcp(ServerSocket server, ConnectionIntro intro) throws Exception {
        return TcpTransport.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
                intro, profile.maxFrameSize(), WAIT);
    }

    private <T> Future<T> onServer(Callable<T> task) {
        return serverThreads.submit(task);
    }

    /** The server side of a session: check the payload, echo frames reversed, then send one big frame. */
    private Void serveEcho(ServerHandshaker.Accepted accepted, byte[] bigFrame) throws Exception {
        ClientPayload login = ClientPayload.parseFrom(accepted.clientPayload());
        assertEquals(ClientPayload.Product.INTEROP, login.getProduct());
        assertEquals("header.claims.signature", login.getInteropData().getToken().toStringUtf8());
        assertArrayEquals(clientStatic.publicKey(), accepted.clientStaticKey());
        for (int i = 0; i < 3; i++) {
            byte[] frame = accepted.socket().receive(WAIT);
            accepted.socket().send(reverse(frame));
        }
        accepted.socket().send(bigFrame);
        byte[] fromClient = accepted.socket().receive(WAIT);
        accepted.socket().send(new byte[] {(byte) fromClient.length, (byte) (fromClient.length >>> 8),
            (byte) (fromClient.length >>> 16)});
        return null;
    }

    private void exchange(NoiseSocket client, byte[] bigFromServer, Future<Void> server) throws Exception {
        for (int i = 0; i < 3; i++) {
            byte[] message = ("node " + i).getBytes();
            client.send(message);
            assertArrayEquals(reverse(message), client.receive(WAIT));
        }
        assertArrayEquals(bigFromServer, client.receive(WAIT));
        byte[] bigFromClient = randomBytes(3 * 1024 * 1024 + 17);
        client.send(bigFromClient);
        byte[] ack = client.receive(WAIT);
        assertEquals(bigFromClient.length, (ack[0] & 0xFF) | (ack[1] & 0xFF) << 8 | (ack[2] & 0xFF) << 16);
        server.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        client.close("done");
        assertFalse(client.isOpen());
    }

    @Test
    void handshakeAndEncryptedFramesOverTcp() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            byte[] big = randomBytes(2 * 1024 * 1024 + 3);
            Future<Void> serverSide = onServer(() -> serveEcho(serverHandshaker().handshake(
                    TcpTransport.accept(server, Set.of(3), profile.maxFrameSize())), big));
            TcpTransport transport = connectTcp(server, new ConnectionIntro(null, 6, 3));
            NoiseSocket client = clientHandshaker(chains.verifier()).handshake(transport, payload);
            exchange(client, big, serverSide);
        }
    }

    @Test
    void handshakeWithEdgeRoutingPrefixOverTcp() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            Future<ServerHandshaker.Accepted> serverSide = onServer(() -> serverHandshaker().handshake(
                    TcpTransport.accept(server, Set.of(3), profile.maxFrameSize())));
            byte[] routing = {1, 2, 3, 4, 5};
            NoiseSocket client = clientHandshaker(chains.verifier())
                    .handshake(connectTcp(server, new ConnectionIntro(routing, 6, 3)), payload);
            ServerHandshaker.Accepted accepted = serverSide.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertArrayEquals(routing, accepted.intro().routingInfo());
            client.send(new byte[] {42});
            assertArrayEquals(new byte[] {42}, accepted.socket().receive(WAIT));
            client.close();
        }
    }

    @Test
    void handshakeAndEncryptedFramesOverWebSocket() throws Exception {
        // Given a WebSocket server that cuts every outgoing frame into 1000-byte messages
        WebSocketTestServer ws = new WebSocketTestServer(profile.maxFrameSize(), 1000);
        ws.startAndWait();
        try {
            byte[] big = randomBytes(1024 * 1024 + 5);
            Future<Void> serverSide = onServer(() -> serveEcho(serverHandshaker().handshake(ws.nextConnection()), big));
            JdkWebSocketTransport transport = JdkWebSocketTransport.connect(HttpClient.newHttpClient(),
                    URI.create("ws://127.0.0.1:" + ws.boundPort() + "/ws/chat"),
                    Map.of("Origin", "https://web.whatsapp.com"), new ConnectionIntro(null, 6, 3),
                    profile.maxFrameSize(), WAIT);
            NoiseSocket client = clientHandshaker(chains.verifier()).handshake(transport, payload);
            exchange(client, big, serverSide);
        } finally {
            ws.stop(1000);
        }
    }

    @Test
    void wrongRootOverWebSocketFailsAtCertificateVerification() throws Exception {
        WebSocketTestServer ws = new WebSocketTestServer(profile.maxFrameSize(), 7);
        ws.startAndWait();
        try {
            onServer(() -> serverHandshaker().handshake(ws.nextConnection()));
            JdkWebSocketTransport transport = JdkWebSocketTransport.connect(HttpClient.newHttpClient(),
                    URI.create("ws://127.0.0.1:" + ws.boundPort() + "/ws/chat"), Map.of(),
                    new ConnectionIntro(null, 6, 3), profile.maxFrameSize(), WAIT);
            CertificateChainVerifier otherRoot = new CertificateChainVerifier(
                    new TrustAnchor(XEdDsaSigner.generate(random).curve25519PublicKey(), 0), TestChains.INSIDE_WINDOW);
            HandshakeException e = assertThrows(HandshakeException.class,
                    () -> clientHandshaker(otherRoot).handshake(transport, payload));
            assertEquals(Step.VERIFY_CERTIFICATE, e.step());
            assertInstanceOf(CertificateChainException.UntrustedRoot.class, e.getCause());
            assertFalse(transport.isOpen());
        } finally {
            ws.stop(1000);
        }
    }

    @Test
    void expiredCertificateOverTcp() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            Future<ServerHandshaker.Accepted> serverSide = onServer(() -> serverHandshaker().handshake(
                    TcpTransport.accept(server, Set.of(3), profile.maxFrameSize())));
            TcpTransport transport = connectTcp(server, new ConnectionIntro(null, 6, 3));
            Clock late = Clock.fixed(TestChains.NOT_AFTER.plusSeconds(3600), ZoneOffset.UTC);
            HandshakeException e = assertThrows(HandshakeException.class,
                    () -> clientHandshaker(chains.verifier(late)).handshake(transport, payload));
            assertInstanceOf(CertificateChainException.Expired.class, e.getCause());
            assertFalse(transport.isOpen());
            // the server sees the client go away while it waits for the ClientFinish
            Exception serverFailure = assertThrows(Exception.class, () -> serverSide.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            HandshakeException serverError = assertInstanceOf(HandshakeException.class, serverFailure.getCause());
            assertEquals(Step.RECEIVE_CLIENT_FINISH, serverError.step());
        }
    }

    @Test
    void corruptTransportFrameClosesTheConnection() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            Future<FrameTransport> rawServer = onServer(() -> {
                TcpTransport raw = TcpTransport.accept(server, Set.of(3), profile.maxFrameSize());
                ServerHandshaker.Accepted accepted = serverHandshaker().handshake(raw);
                accepted.socket().send("<success/>".getBytes());
                raw.send(randomBytes(40)); // bypasses the cipher: garbage to the client
                return raw;
            });
            NoiseSocket client = clientHandshaker(chains.verifier())
                    .handshake(connectTcp(server, new ConnectionIntro(null, 6, 3)), payload);
            assertArrayEquals("<success/>".getBytes(), client.receive(WAIT));
            CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> client.receive(WAIT));
            assertTrue(e.getMessage().contains("#1"), e.getMessage());
            assertFalse(client.isOpen());
            assertTrue(client.closeReason().orElseThrow().contains("corrupt frame"));
            assertThrows(TransportClosedException.class, () -> client.send(new byte[] {1}));
            FrameTransport serverTransport = rawServer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThrows(TransportClosedException.class, () -> serverTransport.receive(WAIT));
        }
    }

    @Test
    void truncatedFrameFromServer() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            onServer(() -> misbehave(server, new byte[] {0, 0, 100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
            HandshakeException e = assertThrows(HandshakeException.class, () -> clientHandshaker(chains.verifier())
                    .handshake(connectTcp(server, new ConnectionIntro(null, 6, 3)), payload));
            assertEquals(Step.RECEIVE_SERVER_HELLO, e.step());
            TruncatedFrameException cause = assertInstanceOf(TruncatedFrameException.class, e.getCause());
            assertTrue(cause.getMessage().contains("10 of 100"), cause.getMessage());
        }
    }

    @Test
    void oversizedFrameFromServerOverTcp() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            onServer(() -> misbehave(server, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0}));
            TcpTransport transport = TcpTransport.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    server.getLocalPort()), new ConnectionIntro(null, 6, 3), 1024 * 1024, WAIT);
            HandshakeException e = assertThrows(HandshakeException.class,
                    () -> clientHandshaker(chains.verifier()).handshake(transport, payload));
            assertInstanceOf(FrameTooLargeException.class, e.getCause());
        }
    }

    @Test
    void oversizedFrameFromServerOverWebSocket() throws Exception {
        WebSocketTestServer ws = new WebSocketTestServer(profile.maxFrameSize(), 1000);
        ws.startAndWait();
        try {
            JdkWebSocketTransport transport = JdkWebSocketTransport.connect(HttpClient.newHttpClient(),
                    URI.create("ws://127.0.0.1:" + ws.boundPort() + "/ws/chat"), Map.of(),
                    new ConnectionIntro(null, 6, 3), 64 * 1024, WAIT);
            transport.send(new byte[] {1});
            WebSocketTestServer.Connection conn = ws.nextConnection();
            conn.sendRaw(new byte[] {0x01, 0x00, 0x01, 0});
            assertThrows(FrameTooLargeException.class, () -> transport.receive(WAIT));
            assertFalse(transport.isOpen());
        } finally {
            ws.stop(1000);
        }
    }

    @Test
    void silentServerTimesOutWithTheStepNamed() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            onServer(() -> misbehave(server, null));
            ClientHandshaker impatient = new ClientHandshaker(profile.withHandshakeTimeout(Duration.ofMillis(300)),
                    clientStatic, chains.verifier(), random);
            HandshakeException e = assertThrows(HandshakeException.class,
                    () -> impatient.handshake(connectTcp(server, new ConnectionIntro(null, 6, 3)), payload));
            assertEquals(Step.RECEIVE_SERVER_HELLO, e.step());
            assertInstanceOf(ReceiveTimeoutException.class, e.getCause());
        }
    }

    @Test
    void serverRejectsUnknownDictionaryVersion() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            Future<ServerHandshaker.Accepted> serverSide = onServer(() -> serverHandshaker().handshake(
                    TcpTransport.accept(server, Set.of(3), profile.maxFrameSize())));
            TcpTransport transport = connectTcp(server, new ConnectionIntro(null, 6, 2));
            transport.send(new byte[] {1, 2, 3});
            Exception failure = assertThrows(Exception.class, () -> serverSide.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            HandshakeException e = assertInstanceOf(HandshakeException.class, failure.getCause());
            assertEquals(Step.RECEIVE_CLIENT_HELLO, e.step());
            assertInstanceOf(ConnectionIntroException.class, e.getCause());
            transport.close();
        }
    }

    /** A raw server: reads the intro and the client hello, then writes {@code reply} (if any) and closes it. */
    private static Void misbehave(ServerSocket server, byte[] reply) throws Exception {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            byte[] first = new byte[4 + 3 + 36]; // WA header + frame header + clientHello
            in.readNBytes(first, 0, first.length);
            if (reply == null) {
                in.read(); // wait until the client gives up and closes
                return null;
            }
            OutputStream out = s.getOutputStream();
            out.write(reply);
            out.flush();
            s.shutdownOutput();
            in.read();
        }
        return null;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }
}
