/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.auth.InMemoryProviderKeyStore;
import org.wabridge.core.auth.InteropToken;
import org.wabridge.core.auth.InteropTokenMinter;
import org.wabridge.core.auth.ProviderKeyExport;
import org.wabridge.core.auth.ProviderKeyRing;
import org.wabridge.core.auth.SigningAlgorithm;
import org.wabridge.core.auth.TokenProfile;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.client.ClientPayloadFactory;
import org.wabridge.core.client.EngineRuntime;
import org.wabridge.core.client.LoginResult;
import org.wabridge.core.client.NodeRouter;
import org.wabridge.core.client.TransportConnector;
import org.wabridge.core.client.UserAgentSettings;
import org.wabridge.core.client.WaConnection;
import org.wabridge.core.client.WaConnectionConfig;
import org.wabridge.core.client.bootstrap.BootstrapSummary;
import org.wabridge.core.client.bootstrap.LoginBootstrap;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.noise.ClientHandshaker;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.core.signal.PreKeyPolicy;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalConfig;
import org.wabridge.core.signal.SignalCrypto;
import org.wabridge.core.stanza.FailureReason;
import org.wabridge.core.store.inmemory.InMemorySignalStores;
import org.wabridge.signal.LibsignalCryptoFactory;
import org.wabridge.signal.LibsignalX25519Engine;

/**
 * The bridge's own client stack (WaConnection, Noise with the libsignal X25519 engine, provider key ring and
 * token minter, LoginBootstrap over libsignal) against a real emulator on loopback: the first end-to-end test
 * of "connect, log in, bootstrap" (issue 6) where neither side is a test double.
 */
class BridgeLoginTest {
    private static final String ISSUER = "https://xmpp.example.org";
    private static final long ACCOUNT = 31337L;
    private static final int DEVICE = 0;

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService io = Executors.newCachedThreadPool();
    private final ExecutorService signal = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final EngineRuntime runtime = new EngineRuntime(io, scheduler, clock, new Random(7));
    private final ProviderKeyRing ring = new ProviderKeyRing(new InMemoryProviderKeyStore(), clock,
            SigningAlgorithm.ES256, Duration.ofHours(1));
    private WaEmulator emulator;

    @BeforeEach
    void startEmulator() throws Exception {
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, ProviderKeyExport.jwks(ring.published()));
        emulator = WaEmulator.start(EmulatorConfig.defaults().withProviders(List.of(
                new EmulatorConfig.Provider(ISSUER, TokenProfile.DEFAULT_AUDIENCE, jwks, null))), clock);
    }

    @AfterEach
    void stop() throws Exception {
        emulator.close();
        io.shutdownNow();
        signal.shutdownNow();
        scheduler.shutdownNow();
    }

    private InteropToken mint(ProviderKeyRing keys, Clock mintClock) {
        return new InteropTokenMinter(keys, TokenProfile.defaults(ISSUER), mintClock, random)
                .mint(Long.toString(ACCOUNT), "198.51.100.4");
    }

    private LoginResult login(InteropToken token) throws Exception {
        WaConnectionConfig config = WaConnectionConfig.defaults();
        byte[] payload = new ClientPayloadFactory(UserAgentSettings.defaults())
                .bytes(ACCOUNT, DEVICE, token.bytes(), true, ClientPayload.ConnectReason.USER_ACTIVATED);
        ClientHandshaker handshaker = new ClientHandshaker(config.profile(), X25519.generate(random),
                new CertificateChainVerifier(emulator.trustAnchor(), clock), random, LibsignalX25519Engine.INSTANCE);
        return WaConnection.open(config, runtime,
                        TransportConnector.tcp(emulator.tcpAddress(), config.profile(), Duration.ofSeconds(5)),
                        handshaker, payload, new NodeRouter(Map.of()), closed -> { })
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static BootstrapSummary bootstrap(LoginBootstrap bootstrap, WaConnection connection) throws Exception {
        return bootstrap.run(connection::request, WaJid.of(Long.toString(ACCOUNT), WaJid.LID_SERVER))
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private int serverCount() {
        return emulator.keys().count(new DeviceAddress(Long.toString(ACCOUNT), DEVICE, true));
    }

    @Test
    void firstLoginUploads812PrekeysAndARefillFollowsWhenFewerThan5Remain() throws Exception {
        SignalCrypto crypto = new LibsignalCryptoFactory().open(new SignalAddress(Long.toString(ACCOUNT), DEVICE),
                InMemorySignalStores.create(), new SignalConfig(IdentityTrustPolicy.ACCEPT_AND_REPORT, clock));
        LoginBootstrap bootstrap = new LoginBootstrap(crypto, PreKeyPolicy.defaults(clock), signal, new Random(3));

        LoginResult.LoggedIn first = assertInstanceOf(LoginResult.LoggedIn.class, login(mint(ring, clock)));
        BootstrapSummary initial = bootstrap(bootstrap, first.connection());
        assertEquals(0, initial.serverPreKeyCount());
        assertEquals(812, initial.oneTimePreKeysUploaded());
        assertTrue(initial.signedPreKeyRotated(), "a fresh account has no signed prekey yet");
        assertEquals(812, serverCount());
        assertEquals(List.of(DEVICE), initial.ownDevices().devices().stream().map(d -> d.id()).toList());
        first.connection().close();

        // other users fetch bundles until fewer than 5 one-time keys remain on the server
        DeviceAddress self = new DeviceAddress(Long.toString(ACCOUNT), DEVICE, true);
        DeviceAddress peer = new DeviceAddress("491700000009", 0, false);
        while (serverCount() >= 5) {
            assertTrue(emulator.keys().fetch(self, peer).isPresent());
        }
        assertEquals(4, serverCount());

        LoginResult.LoggedIn second = assertInstanceOf(LoginResult.LoggedIn.class, login(mint(ring, clock)));
        BootstrapSummary refill = bootstrap(bootstrap, second.connection());
        assertEquals(4, refill.serverPreKeyCount());
        assertEquals(50, refill.oneTimePreKeysUploaded());
        assertFalse(refill.signedPreKeyRotated(), "the signed prekey is a day old at most");
        assertEquals(initial.signedPreKeyId(), refill.signedPreKeyId());
        assertEquals(54, serverCount());
        second.connection().close();
    }

    @Test
    void expiredTokenIsRefusedAsExpired() throws Exception {
        Clock anHourAgo = Clock.offset(clock, Duration.ofHours(-1));
        LoginResult.Refused refused = assertInstanceOf(LoginResult.Refused.class, login(mint(ring, anHourAgo)));
        assertEquals(FailureReason.TOKEN_EXPIRED, refused.failure().reason());
    }

    @Test
    void tokenSignedByAKeyOutsideTheJwksIsRefusedAsInvalid() throws Exception {
        ProviderKeyRing unpublished = new ProviderKeyRing(new InMemoryProviderKeyStore(), clock,
                SigningAlgorithm.ES256, Duration.ofHours(1));
        LoginResult.Refused refused = assertInstanceOf(LoginResult.Refused.class, login(mint(unpublished, clock)));
        assertEquals(FailureReason.TOKEN_INVALID, refused.failure().reason());
    }
}
