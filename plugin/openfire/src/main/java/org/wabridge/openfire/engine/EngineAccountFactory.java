/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.engine;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.auth.InteropTokenMinter;
import org.wabridge.core.auth.ProviderKeyRing;
import org.wabridge.core.auth.TokenProfile;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.client.EngineCredentials;
import org.wabridge.core.client.TransportConnector;
import org.wabridge.core.client.WaAccount;
import org.wabridge.core.client.WaEngine;
import org.wabridge.core.client.WaEventSink;
import org.wabridge.core.signal.IdentityTrustPolicy;
import org.wabridge.core.signal.SignalAddress;
import org.wabridge.core.signal.SignalConfig;
import org.wabridge.core.signal.SignalCrypto;
import org.wabridge.core.store.SignalStores;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.session.WaAccountFactory;
import org.wabridge.signal.LibsignalCryptoFactory;
import org.wabridge.signal.LibsignalX25519Engine;
import org.wabridge.store.jdbc.ConnectionProvider;
import org.wabridge.store.jdbc.JdbcPendingInboundStore;
import org.wabridge.store.jdbc.JdbcRecentSentStore;
import org.wabridge.store.jdbc.JdbcSignalStores;

/**
 * Builds one {@link WaEngine} per registered user on the plugin's {@link EnginePlatform}: interop credentials
 * (account id from {@link InteropAccountIds}, a JWT per connection signed by the provider key ring with the
 * client's IP), the user's Signal stores and the engine's copies of recently sent and not yet handed-off
 * messages in the plugin's tables (the local identity is made on first use), the configured transport and the
 * server trust anchor. One factory per endpoint setting; a changed endpoint makes a new factory.
 */
public final class EngineAccountFactory implements WaAccountFactory {

    /** Messages remembered for WhatsApp's retry receipts (re-encrypting a message a peer could not decrypt). */
    static final int RECENT_SENT = 256;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private final EnginePlatform platform;
    private final EngineEndpoint endpoint;
    private final TransportConnector transport;
    private final CertificateChainVerifier verifier;
    private final InteropTokenMinter minter;
    private final ConnectionProvider db;
    private final Clock clock;

    private EngineAccountFactory(EnginePlatform platform, EngineEndpoint endpoint, TransportConnector transport,
                                 CertificateChainVerifier verifier, InteropTokenMinter minter, ConnectionProvider db,
                                 Clock clock) {
        this.platform = platform;
        this.endpoint = endpoint;
        this.transport = transport;
        this.verifier = verifier;
        this.minter = minter;
        this.db = db;
        this.clock = clock;
    }

    /**
     * @param endpoint   enabled settings
     * @param xmppDomain for the default token issuer
     * @param ring       the provider keys' ring that signs the tokens
     * @param db         Openfire's database (the Signal tables of the plugin schema)
     * @throws EngineSetupException if the trust anchor cannot be read or the transport cannot be made
     */
    public static EngineAccountFactory create(EnginePlatform platform, EngineEndpoint endpoint, String xmppDomain,
                                              Supplier<ProviderKeyRing> ring, ConnectionProvider db, Clock clock)
            throws EngineSetupException {
        if (!endpoint.enabled()) {
            throw new EngineSetupException(endpoint.disabledReason().orElseThrow());
        }
        Path anchorFile = endpoint.trustAnchor().orElseThrow();
        CertificateChainVerifier verifier = new CertificateChainVerifier(TrustAnchorFile.read(anchorFile), clock);
        ProtocolProfile profile = ProtocolProfile.defaults();
        TransportConnector transport;
        if (endpoint.webSocket().isPresent()) {
            transport = TransportConnector.webSocket(platform.webClient(), endpoint.webSocket().get(), Map.of(),
                    profile, CONNECT_TIMEOUT);
        } else {
            // resolved per connection attempt, so a DNS change needs no restart
            String host = endpoint.host().orElseThrow();
            int port = endpoint.port();
            var loop = platform.loop();
            transport = routing -> TransportConnector.nioTcp(loop, new InetSocketAddress(host, port), profile,
                    CONNECT_TIMEOUT).connect(routing);
        }
        TokenProfile tokens = new TokenProfile(endpoint.issuer(xmppDomain), endpoint.audience(),
                TokenProfile.DEFAULT_LIFETIME, TokenProfile.DEFAULT_CLIENT_IP_CLAIM);
        InteropTokenMinter minter = new InteropTokenMinter(Objects.requireNonNull(ring, "ring"), tokens, clock,
                platform.random());
        return new EngineAccountFactory(platform, endpoint, transport, verifier, minter, db, clock);
    }

    /** Opens the user's Signal stores (blocking database I/O: called on the session pool, never on Openfire's). */
    @Override
    public WaAccount create(Registration registration, WaEventSink events) {
        long accountId = InteropAccountIds.of(registration.username());
        EngineCredentials.Interop credentials = new EngineCredentials.Interop(accountId, 0, endpoint.integrator(),
                minter, true);
        String accountKey = InteropAccountIds.signalAccountKey(registration.username());
        SignalStores stores = JdbcSignalStores.open(db, accountKey);
        SignalCrypto signal = new LibsignalCryptoFactory().open(
                new SignalAddress(credentials.self().signalAddressName(), credentials.self().device()), stores,
                new SignalConfig(IdentityTrustPolicy.ACCEPT_AND_REPORT, clock));
        return WaEngine.builder()
                .runtime(platform.runtime())
                .credentials(credentials)
                .transport(transport)
                .serverVerifier(verifier)
                .x25519(LibsignalX25519Engine.INSTANCE)
                .signal(signal)
                // durable: a restart between decryption and handoff, or a retry receipt after one, loses nothing
                .recentSent(new JdbcRecentSentStore(db, accountKey, RECENT_SENT))
                .pendingInbound(new JdbcPendingInboundStore(db, accountKey))
                .rateLimiter(platform.limiter())
                .sink(events)
                .build();
    }

    /** @return the settings this factory was made from */
    public EngineEndpoint endpoint() {
        return endpoint;
    }
}
