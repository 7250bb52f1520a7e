/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.auth.InMemoryProviderKeyStore;
import org.wabridge.core.auth.InteropTokenMinter;
import org.wabridge.core.auth.ProviderKeyExport;
import org.wabridge.core.auth.ProviderKeyRing;
import org.wabridge.core.auth.SigningAlgorithm;
import org.wabridge.core.auth.TokenProfile;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.client.Backoff;
import org.wabridge.core.client.ConnectRateLimiter;
import org.wabridge.core.client.EngineCredentials;
import org.wabridge.core.client.EngineRuntime;
import org.wabridge.core.client.EngineSettings;
import org.wabridge.core.client.RecoveryPolicy;
import org.wabridge.core.client.TransportConnector;
import org.wabridge.core.client.WaEngine;
import org.wabridge.core.client.WaEventSink;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519KeyPair;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.core.signal.PreKeyPolicy;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalConfig;
import org.wabridge.core.store.inmemory.InMemoryRecentSentStore;
import org.wabridge.core.store.inmemory.InMemorySignalStores;
import org.wabridge.core.transport.NioTransportLoop;
import org.wabridge.emulator.EmulatorConfig;
import org.wabridge.emulator.WaEmulator;
import org.wabridge.signal.LibsignalCryptoFactory;
import org.wabridge.signal.LibsignalX25519Engine;

/**
 * Engines as the plugin builds them for many users: over one shared {@link NioTransportLoop} (no thread per
 * connection), with the runtime and settings chosen per engine, real JWTs from one provider key ring, real
 * libsignal on in-memory stores, a reduced prekey upload ({@value #PREKEYS} one-time prekeys instead of 812, which
 * only costs key generation) and a 20–200 ms backoff. Owns the emulator and the loop.
 */
final class NioEngineFactory implements AutoCloseable {
    static final String ISSUER = "https://xmpp.example.org";
    static final int PREKEYS = 10;

    final Clock clock = Clock.systemUTC();
    final WaEmulator emulator;
    final NioTransportLoop loop;
    private final SecureRandom random = new SecureRandom();
    private final ProviderKeyRing ring = new ProviderKeyRing(new InMemoryProviderKeyStore(), clock,
            SigningAlgorithm.ES256, Duration.ofHours(1));
    private final InteropTokenMinter minter = new InteropTokenMinter(ring, TokenProfile.defaults(ISSUER), clock,
            random);
    private final ConnectRateLimiter unlimited = new ConnectRateLimiter(1_000_000, 1_000_000, clock);
    private final PreKeyPolicy fewPreKeys = new PreKeyPolicy(PREKEYS, 2, PREKEYS, Duration.ofDays(7),
            Duration.ofDays(30), clock);

    NioEngineFactory(Path dir, EmulatorConfig base) throws Exception {
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, ProviderKeyExport.jwks(ring.published()));
        emulator = WaEmulator.start(base.withProviders(List.of(
                new EmulatorConfig.Provider(ISSUER, TokenProfile.DEFAULT_AUDIENCE, jwks, null))), clock);
        loop = NioTransportLoop.start("engines-nio");
    }

    EngineCredentials interop(long account) {
        return new EngineCredentials.Interop(account, 0, 1, minter, true);
    }

    /** Registers an opted-in simulated WhatsApp user (device 0) and returns its consumer credentials. */
    EngineCredentials consumer(String phone) {
        X25519KeyPair key = X25519.generate(random);
        emulator.directory().addUser(phone, true);
        emulator.directory().addDevice(phone, 0, key.publicKey());
        return new EngineCredentials.Consumer(Long.parseLong(phone), 0, key, "Sim " + phone);
    }

    WaEngine engine(EngineCredentials credentials, EngineRuntime runtime, EngineSettings settings, WaEventSink sink) {
        SignalAddress address = new SignalAddress(credentials.self().signalAddressName(), credentials.self().device());
        return WaEngine.builder()
                .runtime(runtime)
                .credentials(credentials)
                .transport(TransportConnector.nioTcp(loop, emulator.tcpAddress(), ProtocolProfile.defaults(),
                        Duration.ofSeconds(10)))
                .serverVerifier(new CertificateChainVerifier(emulator.trustAnchor(), clock))
                .x25519(LibsignalX25519Engine.INSTANCE)
                .signal(new LibsignalCryptoFactory().open(address, InMemorySignalStores.create(),
                        new SignalConfig(IdentityTrustPolicy.ACCEPT_AND_REPORT, clock)))
                .preKeyPolicy(fewPreKeys)
                .recentSent(new InMemoryRecentSentStore(64))
                .recovery(new RecoveryPolicy(new Backoff(Duration.ofMillis(20), Duration.ofMillis(200),
                        new Random(3))))
                .rateLimiter(unlimited)
                .settings(settings)
                .sink(sink)
                .build();
    }

    @Override
    public void close() throws Exception {
        loop.close();
        emulator.close();
    }
}
