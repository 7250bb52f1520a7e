/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.sim;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.client.Backoff;
import org.wabridge.core.client.ConnectRateLimiter;
import org.wabridge.core.client.ConnectRequest;
import org.wabridge.core.client.EngineCredentials;
import org.wabridge.core.client.EngineRuntime;
import org.wabridge.core.client.EngineSettings;
import org.wabridge.core.client.RecoveryPolicy;
import org.wabridge.core.client.TransportConnector;
import org.wabridge.core.client.WaEngine;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519KeyPair;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalConfig;
import org.wabridge.core.signal.SignalCrypto;
import org.wabridge.core.store.inmemory.InMemoryRecentSentStore;
import org.wabridge.core.store.inmemory.InMemorySignalStores;
import org.wabridge.emulator.WaEmulator;
import org.wabridge.emulator.sim.SimulatedUserException.Problem;
import org.wabridge.signal.LibsignalCryptoFactory;
import org.wabridge.signal.LibsignalX25519Engine;

/**
 * The emulator's simulated WhatsApp users ({@link WaEmulator#simulatedUsers()}). Creating one registers the
 * phone number and a Noise key per device in the emulator's directory, builds one engine per device (real
 * libsignal, in-memory stores) and logs each in over the emulator's TCP listener, so its keys are published
 * before anyone writes to it. All engines share one small runtime that {@link #close} stops.
 */
public final class SimulatedUsers implements AutoCloseable {
    static final ConnectRequest CONNECT_REQUEST = new ConnectRequest("127.0.0.1");

    private final WaEmulator emulator;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SimulatedUser> users = new ConcurrentHashMap<>();
    private final ExecutorService io = Executors.newCachedThreadPool(daemon("wa-sim-io"));
    private final ExecutorService crypto = Executors.newFixedThreadPool(2, daemon("wa-sim-crypto"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("wa-sim-timer"));
    private final EngineRuntime runtime;
    private final ConnectRateLimiter limiter;
    private final SimMedia media;
    private volatile DelayScheduler scheduler;

    public SimulatedUsers(WaEmulator emulator, Clock clock) {
        this.emulator = emulator;
        this.clock = clock;
        this.runtime = new EngineRuntime(io, timers, clock, new Random(random.nextLong()), crypto);
        this.limiter = new ConnectRateLimiter(1000, 1000, clock);
        this.media = new SimMedia(emulator, () -> HttpClient.newBuilder().executor(io)
                .connectTimeout(Duration.ofSeconds(10)).build(), random, clock);
        this.scheduler = (delay, task) -> timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Replaces the scheduler behaviours use for delayed actions (affects users created afterwards). */
    public void useDelayScheduler(DelayScheduler value) {
        this.scheduler = Objects.requireNonNull(value, "scheduler");
    }

    /**
     * Registers and logs in a simulated user; returns once every device is online (or, for
     * {@link Behaviour#OFFLINE}, logged in once and disconnected again).
     */
    public SimulatedUser create(SimulatedUserSpec spec) throws SimulatedUserException, InterruptedException {
        InetSocketAddress tcp = emulator.tcpAddress();
        if (tcp == null) {
            throw new SimulatedUserException(Problem.UNAVAILABLE, "simulated users need the emulator's TCP listener");
        }
        if (emulator.directory().exists(spec.phone()) || users.containsKey(spec.phone())) {
            throw new SimulatedUserException(Problem.ALREADY_EXISTS, "the phone number is already registered");
        }
        emulator.directory().addUser(spec.phone(), spec.optedIn());
        Inbox inbox = new Inbox();
        Map<Integer, WaEngine> engines = new TreeMap<>();
        List<DeviceEvents> sinks = new ArrayList<>();
        for (int device = 0; device < spec.devices(); device++) {
            X25519KeyPair key = X25519.generate(random);
            emulator.directory().addDevice(spec.phone(), device, key.publicKey());
            DeviceEvents sink = new DeviceEvents(spec, device, inbox, scheduler, clock);
            sinks.add(sink);
            engines.put(device, build(tcp, new EngineCredentials.Consumer(Long.parseLong(spec.phone()), device, key,
                    "Sim " + spec.phone()), sink));
        }
        SimulatedUser user = new SimulatedUser(spec, engines, inbox, media, random,
                device -> emulator.isOnline(spec.phone(), device), clock);
        sinks.forEach(s -> s.attach(user));
        users.put(spec.phone(), user);
        try {
            user.setOnline(true); // publishes the keys, so others can write even while it is offline
            if (spec.behaviour() == Behaviour.OFFLINE) {
                user.setOnline(false);
            }
        } catch (SimulatedUserException | InterruptedException | RuntimeException e) {
            remove(spec.phone());
            throw e;
        }
        return user;
    }

    private WaEngine build(InetSocketAddress tcp, EngineCredentials.Consumer credentials, DeviceEvents sink) {
        SignalCrypto signal = new LibsignalCryptoFactory().open(
                new SignalAddress(credentials.self().signalAddressName(), credentials.self().device()),
                InMemorySignalStores.create(), new SignalConfig(IdentityTrustPolicy.ACCEPT_AND_REPORT, clock));
        return WaEngine.builder()
                .runtime(runtime)
                .credentials(credentials)
                .transport(TransportConnector.tcp(tcp, ProtocolProfile.defaults(), Duration.ofSeconds(10)))
                .serverVerifier(new CertificateChainVerifier(emulator.trustAnchor(), clock))
                .x25519(LibsignalX25519Engine.INSTANCE)
                .signal(signal)
                .recentSent(new InMemoryRecentSentStore(256))
                .recovery(new RecoveryPolicy(new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2),
                        new Random(random.nextLong()))))
                .rateLimiter(limiter)
                .settings(EngineSettings.defaults().withPushName("Sim " + credentials.self().user()))
                .sink(sink)
                .build();
    }

    public Optional<SimulatedUser> find(String phone) {
        return Optional.ofNullable(users.get(normalize(phone)));
    }

    /** The user, or {@link Problem#UNKNOWN_USER}. */
    public SimulatedUser get(String phone) throws SimulatedUserException {
        return find(phone).orElseThrow(() -> new SimulatedUserException(Problem.UNKNOWN_USER,
                "no simulated user with that phone number"));
    }

    /** Every simulated user, by phone number. */
    public List<SimulatedUser> all() {
        return users.values().stream().sorted(Comparator.comparing(SimulatedUser::phone)).toList();
    }

    /** Disconnects the user's devices and removes the account from the emulator. */
    public boolean remove(String phone) {
        SimulatedUser user = users.remove(normalize(phone));
        if (user == null) {
            return false;
        }
        user.close();
        for (int device : user.devices()) {
            emulator.removeDevice(user.phone(), device);
        }
        emulator.directory().removeUser(user.phone());
        return true;
    }

    private static String normalize(String phone) {
        String p = phone.strip();
        return p.startsWith("+") ? p.substring(1) : p;
    }

    @Override
    public void close() {
        for (String phone : List.copyOf(users.keySet())) {
            SimulatedUser user = users.remove(phone);
            if (user != null) {
                user.close();
            }
        }
        timers.shutdownNow();
        crypto.shutdownNow();
        io.shutdownNow();
    }
}
