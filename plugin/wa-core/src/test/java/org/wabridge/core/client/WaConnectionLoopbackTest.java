/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.binary.Node;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.iq.IqErrorException;
import org.wabridge.core.iq.IqError;
import org.wabridge.core.iq.Iqs;
import org.wabridge.core.iq.PingIq;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.noise.ClientHandshaker;
import org.wabridge.core.noise.HandshakeException;
import org.wabridge.core.noise.TestChains;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;
import org.wabridge.core.stanza.ConnectFailure;
import org.wabridge.core.stanza.ConnectSuccess;
import org.wabridge.core.stanza.FailureReason;
import org.wabridge.core.stanza.StreamError;
import org.wabridge.core.transport.NioTransportLoop;
import org.wabridge.core.transport.ReceiveTimeoutException;

/**
 * {@link WaConnection} over real loopback TCP against {@link FakeWhatsAppServer} (the project's Noise responder):
 * login success and every failure code, routing, IQ matching, keepalive pings answered, a silent server
 * detected as a dead link, stream errors after login, and a clean close.
 */
class WaConnectionLoopbackTest {
    private static final long TIMEOUT_S = 15;
    private final SecureRandom random = new SecureRandom();
    private final TestChains chains = new TestChains(random);
    private final ExecutorService io = Executors.newCachedThreadPool();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private EngineRuntime runtime = new EngineRuntime(io, scheduler, Clock.systemUTC(), new Random(3));
    private final NioTransportLoop loop = startLoop();
    private final BlockingQueue<ConnectionClosed> closes = new LinkedBlockingQueue<>();
    private final BlockingQueue<Node> routed = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> routedOnThread = new LinkedBlockingQueue<>();
    private final NodeRouter router = new NodeRouter(Map.of("message", n -> {
        routedOnThread.add(Thread.currentThread().getName());
        routed.add(n);
    }, "notification", routed::add));
    private final byte[] token = "header.claims.sig".getBytes();
    private final byte[] payload = new ClientPayloadFactory(UserAgentSettings.defaults())
            .bytes(4242L, 0, token, true, ClientPayload.ConnectReason.USER_ACTIVATED);
    private FakeWhatsAppServer server;
    /** Use the legacy thread-per-connection connector (served by a pump task) instead of the NIO default. */
    private boolean blocking;

    /** A made-up IQ (not a ping, so the server script can tell it apart from keepalives). */
    private static final org.wabridge.core.iq.IqSpec<org.wabridge.core.iq.EmptyResult> PROBE =
            new org.wabridge.core.iq.IqSpec<>() {
                @Override
                public String namespace() {
                    return "test:probe";
                }

                @Override
                public String type() {
                    return "get";
                }

                @Override
                public List<Node> requestContent() {
                    return List.of(Node.of("probe"));
                }

                @Override
                public org.wabridge.core.iq.EmptyResult parseResultContent(Node resultIq) {
                    return org.wabridge.core.iq.EmptyResult.INSTANCE;
                }

                @Override
                public List<Node> resultContent(org.wabridge.core.iq.EmptyResult result) {
                    return List.of();
                }
            };

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        io.shutdownNow();
        scheduler.shutdownNow();
        loop.close();
    }

    private static NioTransportLoop startLoop() {
        try {
            return NioTransportLoop.start("test-nio");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Fast keepalive for tests: pings every 100–200 ms, dead after 1.5 s of silence. */
    private static WaConnectionConfig config(Duration loginTimeout) {
        return new WaConnectionConfig(ProtocolProfile.defaults(), loginTimeout, Duration.ofSeconds(5),
                new KeepAlivePolicy(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(1500)));
    }

    private LoginResult connect(WaConnectionConfig config, CertificateChainVerifier verifier) throws Exception {
        server = server == null ? new FakeWhatsAppServer(chains) : server;
        ClientHandshaker handshaker = new ClientHandshaker(config.profile(), X25519.generate(random), verifier, random);
        return WaConnection.open(config, runtime,
                blocking ? TransportConnector.blockingTcp(server.address(), config.profile(), Duration.ofSeconds(5))
                        : TransportConnector.nioTcp(loop, server.address(), config.profile(), Duration.ofSeconds(5)),
                handshaker, payload, router, closes::add).toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private LoginResult connect() throws Exception {
        return connect(config(Duration.ofSeconds(5)), chains.verifier());
    }

    private static Node success() {
        return ConnectSuccess.of(1_780_000_000L, WaJid.lid("123456789")).toNode();
    }

    /** Answers pings until it sees the client's stream end; returns how many pings it answered. */
    private static int answerPingsUntilStreamEnd(FakeWhatsAppServer.Session s) throws Exception {
        int pings = 0;
        while (true) {
            Node n = s.receive();
            if (n.isStreamEnd()) {
                return pings;
            }
            if (n.tag().equals("iq") && PingIq.NAMESPACE.equals(n.attribute("xmlns"))) {
                PingIq.fromRequest(n);
                s.send(PingIq.INSTANCE.toResult(Iqs.id(n), org.wabridge.core.iq.EmptyResult.INSTANCE));
                pings++;
            }
        }
    }

    @Test
    void theBlockingLoginRunsOnTheLoginExecutorAndFramesOnIo() throws Exception {
        java.util.concurrent.atomic.AtomicInteger loginTasks = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService loginPool = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-login"));
        try {
            runtime = new EngineRuntime(io, scheduler, Clock.systemUTC(), new Random(3), io, task -> {
                loginTasks.incrementAndGet();
                loginPool.execute(task);
            });
            server = new FakeWhatsAppServer(chains);
            server.serveOne(s -> {
                s.send(success());
                s.send(Node.builder("message").attr("id", "after-login").build());
                return answerPingsUntilStreamEnd(s);
            });
            LoginResult.LoggedIn in = assertInstanceOf(LoginResult.LoggedIn.class, connect());
            assertEquals(1, loginTasks.get(), "the login ran on the login executor");
            assertEquals("after-login", routed.poll(TIMEOUT_S, TimeUnit.SECONDS).attribute("id"));
            assertFalse(routedOnThread.poll().startsWith("test-login"), "frames are not read on a login thread");
            in.connection().close();
        } finally {
            loginPool.shutdownNow();
        }
    }

    @Test
    void loginSucceedsAndServerSeesTheInteropPayload() throws Exception {
        server = new FakeWhatsAppServer(chains);
        Future<ClientPayload> seen = server.serveOne(s -> {
            s.send(success());
            answerPingsUntilStreamEnd(s);
            return s.login;
        });
        LoginResult result = connect();
        LoginResult.LoggedIn in = assertInstanceOf(LoginResult.LoggedIn.class, result);
        assertEquals(1_780_000_000L, in.success().t());
        assertEquals(Optional.of(WaJid.lid("123456789")), in.success().lid());
        in.connection().close();
        ClientPayload login = seen.get(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(ClientPayload.Product.INTEROP, login.getProduct());
        assertEquals(4242L, login.getInteropData().getAccountID());
        assertEquals("header.claims.sig", login.getInteropData().getToken().toStringUtf8());
        ConnectionClosed closed = closes.poll(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(DisconnectReason.LOCAL_CLOSE, closed.reason());
        assertFalse(in.connection().isOpen());
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 405, 406, 409, 413, 414, 415, 416, 418, 500, 501, 503, 599})
    void everyFailureCodeBecomesARefusalWithThatCode(int code) throws Exception {
        server = new FakeWhatsAppServer(chains);
        server.serveOne(s -> {
            s.send(new ConnectFailure(code, Optional.empty(), OptionalLong.empty(), Optional.empty(),
                    Optional.empty()).toNode());
            return null;
        });
        LoginResult.Refused refused = assertInstanceOf(LoginResult.Refused.class, connect());
        assertEquals(code, refused.failure().reasonCode());
        assertEquals(FailureReason.fromCode(code), refused.failure().reason());
        assertTrue(closes.isEmpty(), "no close callback for a connection that never logged in");
    }

    @Test
    void temporaryBanCarriesCodeAndExpiry() throws Exception {
        server = new FakeWhatsAppServer(chains);
        server.serveOne(s -> {
            s.send(ConnectFailure.tempBanned("101", 3600).toNode());
            return null;
        });
        LoginResult.Refused refused = assertInstanceOf(LoginResult.Refused.class, connect());
        assertEquals(FailureReason.TEMP_BANNED, refused.failure().reason());
        assertEquals(Optional.of("101"), refused.failure().code());
        assertEquals(OptionalLong.of(3600), refused.failure().expireSeconds());
    }

    @Test
    void streamErrorInsteadOfLoginAnswerIsReported() throws Exception {
        server = new FakeWhatsAppServer(chains);
        server.serveOne(s -> {
            s.send(StreamError.serviceUnavailable().toNode());
            return null;
        });
        LoginResult.StreamEnded ended = assertInstanceOf(LoginResult.StreamEnded.class, connect());
        assertEquals(StreamError.Kind.SERVICE_UNAVAILABLE, ((StreamError) ended.termination()).kind());
    }

    @Test
    void silentServerAfterHandshakeIsALoginTimeout() throws Exception {
        server = new FakeWhatsAppServer(chains);
        server.serveOne(s -> {
            s.receive(Duration.ofSeconds(10)); // wait for the client to give up and close
            return null;
        });
        LoginResult.Failed failed = assertInstanceOf(LoginResult.Failed.class,
                connect(config(Duration.ofMillis(300)), chains.verifier()));
        assertEquals("login answer", failed.step());
        assertInstanceOf(ReceiveTimeoutException.class, failed.cause());
    }

    @Test
    void untrustedServerFailsTheHandshake() throws Exception {
        server = new FakeWhatsAppServer(chains);
        server.serveOne(s -> null);
        TestChains other = new TestChains(random);
        LoginResult.Failed failed = assertInstanceOf(LoginResult.Failed.class,
                connect(config(Duration.ofSeconds(5)), other.verifier()));
        assertEquals("handshake", failed.step());
        assertInstanceOf(HandshakeException.class, failed.cause());
    }

    @Test
    void nothingListeningIsAConnectFailure() throws Exception {
        server = new FakeWhatsAppServer(chains);
        java.net.InetSocketAddress dead = server.address();
        server.close();
        server = null;
        WaConnectionConfig cfg = config(Duration.ofSeconds(1));
        LoginResult result = WaConnection.open(cfg, runtime,
                TransportConnector.nioTcp(loop, dead, cfg.profile(), Duration.ofSeconds(2)),
                new ClientHandshaker(cfg.profile(), X25519.generate(random), chains.verifier(), random),
                payload, router, closes::add).toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals("connect", assertInstanceOf(LoginResult.Failed.class, result).step());
    }

    @Test
    void nodesAreRoutedByTagAndIqAnswersMatchedById() throws Exception {
        server = new FakeWhatsAppServer(chains);
        Future<Void> script = server.serveOne(s -> {
            s.send(success());
            s.send(Node.builder("surprise").attr("x", "1").build()); // unknown tag: dropped, session survives
            s.send(Node.builder("message").attr("id", "m1").attr("from", "1@s.whatsapp.net").build());
            // the client's request: answer with an error first for a different id, then the real answer
            while (true) {
                Node n = s.receive();
                if ("iq".equals(n.tag()) && "w:p".equals(n.attribute("xmlns"))) {
                    continue; // keepalive
                }
                if ("iq".equals(n.tag())) {
                    s.send(Iqs.error(Iqs.id(n), new IqError(404, "item-not-found")));
                    break;
                }
            }
            s.send(Node.builder("notification").attr("id", "n1").attr("type", "encrypt").build());
            answerPingsUntilStreamEnd(s);
            return null;
        });
        LoginResult.LoggedIn in = assertInstanceOf(LoginResult.LoggedIn.class, connect());
        Node message = routed.poll(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals("message", message.tag());
        assertEquals("m1", message.attribute("id"));

        CompletableFuture<?> answer = in.connection().request(PROBE).toCompletableFuture();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> answer.get(TIMEOUT_S, TimeUnit.SECONDS));
        IqErrorException iqError = assertInstanceOf(IqErrorException.class, e.getCause());
        assertEquals(404, iqError.code());

        Node notification = routed.poll(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals("notification", notification.tag());
        assertTrue(in.connection().isOpen());
        in.connection().close();
        script.get(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(0, in.connection().pendingRequests());
    }

    @Test
    void legacyBlockingConnectorRoutesPingsAndClosesThroughThePump() throws Exception {
        blocking = true;
        server = new FakeWhatsAppServer(chains);
        Future<Integer> pings = server.serveOne(s -> {
            s.send(success());
            s.send(Node.builder("message").attr("id", "m-legacy").build());
            return answerPingsUntilStreamEnd(s);
        });
        LoginResult.LoggedIn in = assertInstanceOf(LoginResult.LoggedIn.class, connect());
        assertEquals("m-legacy", routed.poll(TIMEOUT_S, TimeUnit.SECONDS).attribute("id"));
        in.connection().request(PingIq.INSTANCE).toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS);
        in.connection().close();
        assertTrue(pings.get(TIMEOUT_S, TimeUnit.SECONDS) >= 1);
        assertEquals(DisconnectReason.LOCAL_CLOSE, closes.poll(TIMEOUT_S, TimeUnit.SECONDS).reason());
        assertFalse(in.connection().isOpen());
    }

    @Test
    void keepalivePingsAreSentAndAnswered() throws Exception {
        java.util.concurrent.CountDownLatch fivePings = new java.util.concurrent.CountDownLatch(1);
        server = new FakeWhatsAppServer(chains);
        Future<Integer> pings = server.serveOne(s -> {
            s.send(success());
            int answered = 0;
            while (answered < 5) {
                Node n = s.receive();
                PingIq.fromRequest(n); // only pings are expected on an idle connection
                assertEquals(WaJid.SERVER, n.attrs().requireJid("to"));
                s.send(PingIq.INSTANCE.toResult(Iqs.id(n), org.wabridge.core.iq.EmptyResult.INSTANCE));
                answered++;
            }
            fivePings.countDown();
            return answered + answerPingsUntilStreamEnd(s);
        });
        LoginResult.LoggedIn in = assertInstanceOf(LoginResult.LoggedIn.class, connect());
        fivePings.await(TIMEOUT_S, TimeUnit.SECONDS);
        assertTrue(in.connection().isOpen(), "answered pings keep the link alive");
        in.connection().close();
        assertTrue(pings.get(TIMEOUT_S, TimeUnit.SECONDS) >= 5);
        assertEquals(DisconnectReason.LOCAL_CLOSE, closes.poll(TIMEOUT_S, TimeUnit.SECONDS).reason());
    }

    @Test
    void serverThatGoesSilentIsDeclaredDead() throws Exception {
        server = new FakeWhatsAppServer(chains);
        server.serveOne(s -> {
            s.send(success());
            // read and ignore everything (pings included) until the client gives up
            try {
                while (true) {
                    s.receive(Duration.ofSeconds(20));
                }
            } catch (Exception end) {
                return null;
            }
        });
        LoginResult.LoggedIn in = assertInstanceOf(LoginResult.LoggedIn.class, connect());
        ConnectionClosed closed = closes.poll(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(DisconnectReason.LINK_LOST, closed.reason());
        assertTrue(closed.plainWords().contains("no data"), closed.plainWords());
        assertFalse(in.connection().isOpen());
    }

    @Test
    void streamErrorsAfterLoginAreClassified() throws Exception {
        List<StreamError> errors = List.of(StreamError.replaced(), StreamError.deviceRemoved(),
                StreamError.serviceUnavailable(), StreamError.restartRequired(), StreamError.tokenExpired());
        List<DisconnectReason> expected = List.of(DisconnectReason.REPLACED, DisconnectReason.DEVICE_REMOVED,
                DisconnectReason.SERVER_CLOSED, DisconnectReason.SERVER_CLOSED, DisconnectReason.TOKEN_REJECTED);
        for (int i = 0; i < errors.size(); i++) {
            StreamError error = errors.get(i);
            server = new FakeWhatsAppServer(chains);
            server.serveOne(s -> {
                s.send(success());
                s.send(error.toNode());
                return null;
            });
            assertInstanceOf(LoginResult.LoggedIn.class, connect());
            ConnectionClosed closed = closes.poll(TIMEOUT_S, TimeUnit.SECONDS);
            assertEquals(expected.get(i), closed.reason(), error.toString());
            assertEquals(Optional.of(error), closed.termination());
            server.close();
            server = null;
        }
    }

    @Test
    void serverStreamEndIsAServerClose() throws Exception {
        server = new FakeWhatsAppServer(chains);
        server.serveOne(s -> {
            s.send(success());
            s.send(Node.STREAM_END);
            return null;
        });
        assertInstanceOf(LoginResult.LoggedIn.class, connect());
        assertEquals(DisconnectReason.SERVER_CLOSED, closes.poll(TIMEOUT_S, TimeUnit.SECONDS).reason());
    }
}
