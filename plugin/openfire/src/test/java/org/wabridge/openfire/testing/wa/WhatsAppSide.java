/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.testing.wa;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.client.ConnectRateLimiter;
import org.wabridge.core.client.ConnectRequest;
import org.wabridge.core.client.EngineCredentials;
import org.wabridge.core.client.EngineRuntime;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.TransportConnector;
import org.wabridge.core.client.WaEngine;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.message.ChatState;
import org.wabridge.core.message.Edit;
import org.wabridge.core.message.MessageContent;
import org.wabridge.core.message.MessageRef;
import org.wabridge.core.message.Reaction;
import org.wabridge.core.message.Receipt;
import org.wabridge.core.message.ReplyContext;
import org.wabridge.core.message.Revoke;
import org.wabridge.core.message.TextContent;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519KeyPair;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalConfig;
import org.wabridge.core.store.inmemory.InMemorySignalStores;
import org.wabridge.emulator.EmulatorConfig;
import org.wabridge.emulator.WaEmulator;
import org.wabridge.openfire.engine.InteropAccountIds;
import org.wabridge.openfire.testing.WhatsAppSideControl;
import org.wabridge.signal.LibsignalCryptoFactory;
import org.wabridge.signal.LibsignalX25519Engine;

/** The emulator and its simulated users (consumer engines over in-memory Signal stores). */
public final class WhatsAppSide implements WhatsAppSideControl {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService io = Executors.newCachedThreadPool();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final EngineRuntime runtime = new EngineRuntime(io, scheduler, clock, new Random(11));
    private final ConnectRateLimiter limiter = new ConnectRateLimiter(100, 100, clock);
    private final Map<String, WaEngine> users = new ConcurrentHashMap<>();
    private final Map<String, List<String>> events = new ConcurrentHashMap<>();
    private WaEmulator emulator;

    @Override
    public String start(URI jwksUrl, String issuer, String audience, Path trustAnchor) throws Exception {
        EmulatorConfig config = EmulatorConfig.defaults()
                .withProviders(List.of(new EmulatorConfig.Provider(issuer, audience, null, jwksUrl)))
                .withTrustAnchorFile(trustAnchor);
        emulator = WaEmulator.start(config, clock);
        return emulator.tcpAddress().getHostString() + ":" + emulator.tcpAddress().getPort();
    }

    @Override
    public void addUser(String phone, boolean optedIn) throws Exception {
        X25519KeyPair key = X25519.generate(random);
        emulator.directory().addUser(phone, optedIn);
        emulator.directory().addDevice(phone, 0, key.publicKey());
        EngineCredentials.Consumer credentials = new EngineCredentials.Consumer(Long.parseLong(phone), 0, key,
                "Sim " + phone);
        List<String> seen = new CopyOnWriteArrayList<>();
        events.put(phone, seen);
        WaEngine engine = WaEngine.builder()
                .runtime(runtime)
                .credentials(credentials)
                .transport(TransportConnector.tcp(emulator.tcpAddress(), ProtocolProfile.defaults(),
                        Duration.ofSeconds(5)))
                .serverVerifier(new CertificateChainVerifier(emulator.trustAnchor(), clock))
                .x25519(LibsignalX25519Engine.INSTANCE)
                .signal(new LibsignalCryptoFactory().open(new SignalAddress(
                        credentials.self().signalAddressName(), 0), InMemorySignalStores.create(),
                        new SignalConfig(IdentityTrustPolicy.ACCEPT_AND_REPORT, clock)))
                .rateLimiter(limiter)
                .sink(event -> record(seen, event))
                .build();
        users.put(phone, engine);
        EngineState state = engine.connect(new ConnectRequest("127.0.0.1")).toCompletableFuture()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (state.phase() != EngineState.Phase.ONLINE) {
            throw new IllegalStateException("simulated user did not log in: " + state);
        }
    }

    private static void record(List<String> seen, WaEvent event) {
        if (event instanceof WaEvent.MessageReceived m) {
            seen.add(render(m));
            m.handoff().delivered(); // the simulated phone shows it: the engine sends the delivery receipt
        } else if (event instanceof WaEvent.ReceiptReceived r) {
            seen.add("receipt|" + r.receipt().type() + "|" + r.receipt().chatJid() + "|"
                    + String.join(",", r.receipt().messageIds()));
        } else if (event instanceof WaEvent.ChatStateChanged c) {
            seen.add("chatstate|" + c.chatState().chatJid() + "|" + c.chatState().state());
        }
    }

    private static String render(WaEvent.MessageReceived m) {
        MessageContent c = m.content();
        if (c instanceof TextContent t && t.reply().isPresent()) {
            return "reply|" + m.messageId() + "|" + m.chatJid() + "|" + t.reply().get().quotedId() + "|" + t.body();
        } else if (c instanceof TextContent t) {
            return "text|" + m.messageId() + "|" + m.chatJid() + "|" + t.body();
        } else if (c instanceof Edit e) {
            String body = e.newContent() instanceof TextContent t ? t.body() : e.newContent().toString();
            return "edit|" + e.target().id() + "|" + body;
        } else if (c instanceof Revoke r) {
            return "revoke|" + r.target().id();
        } else if (c instanceof Reaction r) {
            return "reaction|" + r.target().id() + "|" + r.emoji();
        }
        return "other|" + c.getClass().getSimpleName();
    }

    @Override
    public String interopJid(String username) {
        return WaJid.interop(Long.toUnsignedString(InteropAccountIds.of(username)), 0, 1).toNonAd().toString();
    }

    @Override
    public boolean bridgedOnline(String username) {
        return emulator.isOnline(InteropAccountIds.signalAccountKey(username), 0);
    }

    @Override
    public List<String> blockListOf(String username) {
        return emulator.blockListOf(InteropAccountIds.signalAccountKey(username));
    }

    @Override
    public boolean dropBridged(String username) {
        return emulator.dropConnection(InteropAccountIds.signalAccountKey(username), 0);
    }

    @Override
    public String sendText(String phone, String toJid, String body) throws Exception {
        return send(phone, toJid, TextContent.of(body));
    }

    @Override
    public String sendReply(String phone, String toJid, String quotedId, String quotedSender, String body)
            throws Exception {
        ReplyContext reply = new ReplyContext(quotedId, Optional.of(quotedSender), Optional.empty(),
                Optional.empty());
        return send(phone, toJid, new TextContent(body, Optional.of(reply), List.of()));
    }

    @Override
    public void sendEdit(String phone, String toJid, String targetId, String newBody) throws Exception {
        send(phone, toJid, new Edit(MessageRef.of(toJid, true, targetId), TextContent.of(newBody),
                OptionalLong.of(clock.millis())));
    }

    @Override
    public void sendRevoke(String phone, String toJid, String targetId) throws Exception {
        send(phone, toJid, new Revoke(MessageRef.of(toJid, true, targetId)));
    }

    @Override
    public void sendReaction(String phone, String toJid, String targetId, boolean fromMe, String emoji)
            throws Exception {
        send(phone, toJid, new Reaction(MessageRef.of(toJid, fromMe, targetId), emoji,
                OptionalLong.of(clock.millis())));
    }

    @Override
    public void sendRead(String phone, String toJid, List<String> ids) throws Exception {
        check(engine(phone).sendReceipt(new Receipt(Receipt.Type.READ, toJid, Optional.empty(), ids,
                clock.instant())).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Override
    public void sendTyping(String phone, String toJid, boolean typing) throws Exception {
        check(engine(phone).sendChatState(new ChatState(toJid, Optional.empty(),
                typing ? ChatState.State.COMPOSING : ChatState.State.PAUSED, false))
                .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Override
    public List<String> events(String phone) {
        return new ArrayList<>(events.getOrDefault(phone, List.of()));
    }

    private String send(String phone, String toJid, MessageContent content) throws Exception {
        byte[] id = new byte[8];
        random.nextBytes(id);
        String messageId = "3EB0" + HexFormat.of().withUpperCase().formatHex(id);
        check(engine(phone).sendMessage(toJid, messageId, content).toCompletableFuture()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS));
        return messageId;
    }

    private static void check(SendResult result) {
        if (!(result instanceof SendResult.Accepted)) {
            throw new IllegalStateException("WhatsApp did not accept: " + result);
        }
    }

    private WaEngine engine(String phone) {
        WaEngine engine = users.get(phone);
        if (engine == null) {
            throw new IllegalStateException("no simulated user " + phone);
        }
        return engine;
    }

    @Override
    public void close() throws Exception {
        for (WaEngine e : users.values()) {
            try {
                e.disconnect().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // best effort: the emulator goes next
            }
        }
        if (emulator != null) {
            emulator.close();
        }
        io.shutdownNow();
        scheduler.shutdownNow();
    }
}
