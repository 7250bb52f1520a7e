/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.cert.TrustAnchor;
import org.wabridge.core.noise.ServerHandshaker;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;
import org.wabridge.core.stanza.FailureReason;
import org.wabridge.core.transport.FlowLimits;
import org.wabridge.core.transport.NioTransportLoop;
import org.wabridge.core.transport.PushFrameTransport;
import org.wabridge.core.transport.TransportException;
import org.wabridge.emulator.auth.InteropProvider;
import org.wabridge.emulator.auth.InteropTokenValidator;
import org.wabridge.emulator.auth.JwksKeyCache;
import org.wabridge.emulator.auth.LoginRejectedException;
import org.wabridge.emulator.media.MediaAuthTokens;
import org.wabridge.emulator.media.MediaHost;
import org.wabridge.emulator.media.MediaProxy;
import org.wabridge.emulator.media.MediaProxyException;
import org.wabridge.emulator.media.MediaStore;
import org.wabridge.emulator.sim.SimulatedUsers;

/**
 * The WhatsApp interop server emulator: listeners, login, sessions, routing, and the control hooks tests
 * use (accounts through {@link #directory()}, faults through the methods below). Start with
 * {@link #start}; {@link #close} stops listeners and connections.
 */
public final class WaEmulator implements AutoCloseable {
    /** Token dictionary versions accepted in the connection header. */
    public static final Set<Integer> DICT_VERSIONS = Set.of(3);

    private final EmulatorConfig config;
    private final Clock clock;
    private final ServerIdentity identity;
    private final Directory directory;
    private final KeyDirectory keys = new KeyDirectory(5, 2000);
    private final SessionRegistry sessions = new SessionRegistry();
    private final StanzaRouter router;
    private final InteropTokenValidator tokens;
    private final List<InteropProvider> providers = new ArrayList<>();
    private final Counters counters = new Counters();
    /** Worker threads shared by all connections (handshakes and frame callbacks). */
    static final int WORKERS = 8;

    private final ThreadPoolExecutor workers;
    private final AtomicInteger liveConnections = new AtomicInteger();
    private final ProtocolProfile profile;
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger tokensToReject = new AtomicInteger();
    private final AtomicReference<FailureReason> rejectWith = new AtomicReference<>(FailureReason.TOKEN_INVALID);
    private final MediaAuthTokens mediaTokens;
    private final MediaProxy mediaProxy;
    private MediaStore mediaStore;
    private volatile MediaHost mediaHost;
    private final SimulatedUsers simulatedUsers;
    private NioTransportLoop loop;
    private TcpListener tcp;
    private WebSocketListener ws;
    private final BlockBook blocks;

    private WaEmulator(EmulatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.identity = ServerIdentity.generate(random, clock);
        this.directory = new Directory(clock, config.queueCapacity(), config.offlineRetention());
        this.mediaTokens = new MediaAuthTokens(random, clock, config.media().authTtl());
        this.mediaProxy = new MediaProxy(config.media());
        MediaConnIqHandler mediaConn = new MediaConnIqHandler(mediaTokens, config.media().connTtl(),
                () -> mediaHost == null ? null : mediaHost.hostAndPort());
        ContactBook contacts = new ContactBook(10_000);
        this.blocks = new BlockBook(clock);
        this.router = new StanzaRouter(directory, keys, sessions, new SenderLimits(clock, config.messagesPerMinute(),
                config.newContactsPerWindow(), config.reachOutWindow()), clock, config.interopIntegrator(), mediaConn,
                new PresenceBook(clock, config.interopIntegrator()), contacts, blocks);
        this.directory.setDeviceListListener(new DeviceListNotifier(directory, sessions, contacts, clock,
                config.interopIntegrator()));
        this.sessions.setOnGone(router::deviceGone);
        for (EmulatorConfig.Provider p : config.providers()) {
            JwksKeyCache.Source source = p.jwksFile() != null ? JwksKeyCache.Source.file(p.jwksFile())
                    : JwksKeyCache.Source.url(p.jwksUrl(), Duration.ofSeconds(10));
            providers.add(new InteropProvider(p.id(), p.audience(),
                    new JwksKeyCache(source, clock, config.jwksRefresh(), config.jwksMaxStaleness())));
        }
        this.tokens = new InteropTokenValidator(providers, clock, config.clockSkew());
        this.profile = ProtocolProfile.defaults().withMaxFrameSize(config.maxFrameSize());
        // a few workers for every connection: handshakes, then each connection's frame callbacks; at most one
        // task per connection is queued at a time, so the queue bound follows from the connection limit
        this.workers = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(2 * config.maxConnections() + WORKERS), r -> {
                    Thread t = new Thread(r, "wa-emulator-worker");
                    t.setDaemon(true);
                    return t;
                });
        this.workers.allowCoreThreadTimeOut(true);
        this.simulatedUsers = new SimulatedUsers(this, clock);
    }

    /** Binds the listeners (port -1 = off) and writes the trust-anchor file when one is configured. */
    public static WaEmulator start(EmulatorConfig config, Clock clock) throws IOException, InterruptedException {
        WaEmulator e = new WaEmulator(config, clock);
        if (config.trustAnchorFile() != null) {
            e.identity.writeTrustAnchor(config.trustAnchorFile());
        }
        if (config.media().port() >= 0) {
            e.mediaStore = new MediaStore(config.media(), clock, e.random);
            e.mediaHost = MediaHost.start(new InetSocketAddress(config.bindAddress(), config.media().port()),
                    e.mediaStore, e.mediaTokens);
        }
        if (config.tcpPort() >= 0) {
            e.loop = NioTransportLoop.start("wa-emulator-nio");
            e.tcp = new TcpListener(e.loop, new InetSocketAddress(config.bindAddress(), config.tcpPort()),
                    DICT_VERSIONS, config.maxFrameSize(), e::accept);
        }
        if (config.wsPort() >= 0) {
            e.ws = new WebSocketListener(new InetSocketAddress(config.bindAddress(), config.wsPort()), DICT_VERSIONS,
                    config.maxFrameSize(), FlowLimits.defaults(), e::accept);
            e.ws.startAndWait();
        }
        return e;
    }

    /** Called on the listener's I/O thread: must not block. */
    private void accept(PushFrameTransport transport) {
        if (liveConnections.incrementAndGet() > config.maxConnections()) {
            liveConnections.decrementAndGet();
            counters.connectionsRefused.incrementAndGet();
            transport.close("emulator at its connection limit");
            return;
        }
        try {
            workers.execute(new ConnectionHandler(this, transport, liveConnections::decrementAndGet));
            counters.connectionsAccepted.incrementAndGet();
        } catch (RejectedExecutionException full) {
            liveConnections.decrementAndGet();
            counters.connectionsRefused.incrementAndGet();
            transport.close("emulator is shutting down");
        }
    }

    /** Runs handshakes and connections' frame callbacks. */
    Executor workers() {
        return workers;
    }

    /** Connections accepted and not yet over (counted against {@code maxConnections}). */
    public int liveConnections() {
        return liveConnections.get();
    }

    DeviceAddress authenticate(ClientPayload payload, byte[] clientStaticKey) throws LoginRejectedException {
        String user = ConnectionHandler.userOf(payload);
        if (directory.bannedUntil(user).isPresent()) {
            throw new LoginRejectedException(FailureReason.TEMP_BANNED, "account banned");
        }
        if (payload.getProduct() == ClientPayload.Product.INTEROP) {
            if (tokensToReject.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                throw new LoginRejectedException(rejectWith.get(), "rejected by fault injection");
            }
            String sub = tokens.validate(payload.getInteropData().getToken().toStringUtf8(),
                    payload.getInteropData().getAccountID());
            directory.ensureInteropDevice(sub, payload.getDevice());
            return new DeviceAddress(sub, payload.getDevice(), true);
        }
        if (payload.getProduct() != ClientPayload.Product.WHATSAPP
                || !directory.noiseKeyMatches(user, payload.getDevice(), clientStaticKey)) {
            throw new LoginRejectedException(FailureReason.LOGGED_OUT, "unknown device or Noise key");
        }
        return new DeviceAddress(user, payload.getDevice(), false);
    }

    ServerHandshaker handshaker() {
        return new ServerHandshaker(profile, identity.staticKey(), identity.certChain(), random);
    }

    Clock clock() {
        return clock;
    }

    SessionRegistry sessions() {
        return sessions;
    }

    StanzaRouter router() {
        return router;
    }

    public Directory directory() {
        return directory;
    }

    /** Prekeys per device (threshold 5 for the low-count notification, pool capped at 2000). */
    public KeyDirectory keys() {
        return keys;
    }

    public Counters counters() {
        return counters;
    }

    public TrustAnchor trustAnchor() {
        return identity.trustAnchor();
    }

    public ServerIdentity identity() {
        return identity;
    }

    public EmulatorConfig config() {
        return config;
    }

    /** The TCP listener's address, or null when it is off. */
    public InetSocketAddress tcpAddress() {
        return tcp == null ? null : tcp.address();
    }

    /** {@code ws://host:port/ws/chat}, or null when the WebSocket listener is off. */
    public URI webSocketUri() {
        return ws == null ? null : URI.create("ws://" + ws.getAddress().getAddress().getHostAddress() + ":"
                + ws.getPort() + WebSocketListener.PATH);
    }

    /** The media host's address, or null when it is off. */
    public InetSocketAddress mediaAddress() {
        return mediaHost == null ? null : mediaHost.address();
    }

    /**
     * The simulated WhatsApp users (whatsapp-protocol.md §9.3): real engines with consumer logins to this
     * emulator. Closed with the emulator.
     */
    public SimulatedUsers simulatedUsers() {
        return simulatedUsers;
    }

    /** A fresh media upload token, as {@code media_conn} would hand out (for in-process simulated users). */
    public String issueMediaAuthToken() {
        return mediaTokens.issue();
    }

    /** Blobs currently stored on the media host (0 when it is off). */
    public int storedMediaCount() {
        return mediaStore == null ? 0 : mediaStore.size();
    }

    /**
     * The "Meta media proxy" (§7.5, shape assumed): fetches the encrypted blob an interop user's message points
     * to, so a simulated WhatsApp user can download and decrypt it.
     */
    public byte[] fetchViaMediaProxy(URI providerUrl) throws MediaProxyException, InterruptedException {
        return mediaProxy.fetch(providerUrl);
    }

    /** Messages fanned out to devices since start. */
    public long routedMessages() {
        return router.routedMessages();
    }

    /** @return the users {@code user} blocked (their addresses without device), oldest block first */
    public List<String> blockListOf(String user) {
        return blocks.list(user).stream().map(e -> e.jid().toString()).toList();
    }

    public boolean isOnline(String user, int device) {
        return findSession(user, device) != null;
    }

    /** Re-reads every provider's JWKS now (e.g. after a test rotated keys). */
    public void refreshJwks() {
        providers.forEach(p -> p.keys().refreshNow());
    }

    // ---- fault injection -------------------------------------------------------------------------------

    /** The next {@code n} interop logins fail with {@code failure}, whatever their token. */
    public void rejectNextTokens(int n, FailureReason failure) {
        if (failure == FailureReason.UNKNOWN) {
            throw new IllegalArgumentException("choose a known failure reason");
        }
        rejectWith.set(failure);
        tokensToReject.set(n);
    }

    /** Closes the device's connection without any stanza. */
    public boolean dropConnection(String user, int device) {
        ClientSession s = findSession(user, device);
        if (s != null) {
            s.drop();
        }
        return s != null;
    }

    /** Half-open: the emulator stops answering and discards what the device sends; the socket stays up. */
    public boolean silence(String user, int device) {
        ClientSession s = findSession(user, device);
        if (s != null) {
            s.transport().silence();
        }
        return s != null;
    }

    /** Sends {@code <stream:error>} of the given kind and closes the connection. */
    public boolean sendStreamError(String user, int device, StreamErrorKind kind) {
        ClientSession s = findSession(user, device);
        if (s != null) {
            s.endWith(kind);
        }
        return s != null;
    }

    /** Removes the device; a live connection gets {@code device_removed} first. */
    public boolean removeDevice(String user, int device) {
        sendStreamError(user, device, StreamErrorKind.DEVICE_REMOVED);
        keys.remove(new DeviceAddress(user, device, false));
        keys.remove(new DeviceAddress(user, device, true));
        return directory.removeDevice(user, device);
    }

    /** Every later outgoing frame to the device waits {@code delay} first. */
    public boolean delayOutgoing(String user, int device, Duration delay) {
        ClientSession s = findSession(user, device);
        if (s != null) {
            s.transport().delayOutgoing(delay);
        }
        return s != null;
    }

    /** The next frame to the device gets one bit flipped in its GCM tag. */
    public boolean corruptNextFrame(String user, int device) {
        ClientSession s = findSession(user, device);
        if (s != null) {
            s.transport().corruptNextFrame();
        }
        return s != null;
    }

    /** Sends the last encrypted frame to the device once more. */
    public boolean replayLastFrame(String user, int device) throws TransportException {
        ClientSession s = findSession(user, device);
        if (s != null) {
            s.transport().replayLastFrame();
        }
        return s != null;
    }

    private ClientSession findSession(String user, int device) {
        for (boolean interop : new boolean[] {false, true}) {
            ClientSession s = sessions.get(new DeviceAddress(user, device, interop)).orElse(null);
            if (s != null && s.isOpen()) {
                return s;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        simulatedUsers.close(); // their engines log out while the listeners still run
        if (tcp != null) {
            tcp.close();
        }
        if (loop != null) {
            loop.close(); // closes every TCP connection
        }
        if (ws != null) {
            ws.stop(1000);
        }
        workers.shutdownNow();
        if (mediaHost != null) {
            mediaHost.close();
        }
        if (mediaStore != null) {
            mediaStore.close();
        }
    }
}
