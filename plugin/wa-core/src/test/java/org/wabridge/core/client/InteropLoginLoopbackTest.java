/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wabridge.core.auth.InMemoryProviderKeyStore;
import org.wabridge.core.auth.InteropToken;
import org.wabridge.core.auth.InteropTokenMinter;
import org.wabridge.core.auth.ProviderKeyExport;
import org.wabridge.core.auth.ProviderKeyRing;
import org.wabridge.core.auth.SigningAlgorithm;
import org.wabridge.core.auth.TokenProfile;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.noise.ClientHandshaker;
import org.wabridge.core.noise.TestChains;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;
import org.wabridge.core.stanza.ConnectFailure;
import org.wabridge.core.stanza.ConnectSuccess;
import org.wabridge.core.stanza.FailureReason;

/**
 * Parts 1, 4 and 5 together: a token minted by the provider ring travels in the ClientPayload through the
 * Noise handshake; the server side verifies it against the JWKS text alone (as WhatsApp would after fetching
 * it) and answers success or 414.
 */
class InteropLoginLoopbackTest {
    private final SecureRandom random = new SecureRandom();
    private final TestChains chains = new TestChains(random);
    private final ExecutorService io = Executors.newCachedThreadPool();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final EngineRuntime runtime = new EngineRuntime(io, scheduler, Clock.systemUTC(), new Random(1));
    private final ProviderKeyRing ring = new ProviderKeyRing(new InMemoryProviderKeyStore(), Clock.systemUTC(),
            SigningAlgorithm.ES256, Duration.ofHours(1));
    private final InteropTokenMinter minter = new InteropTokenMinter(ring,
            TokenProfile.defaults("https://xmpp.example.org"), Clock.systemUTC(), random);
    private FakeWhatsAppServer server;

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        io.shutdownNow();
        scheduler.shutdownNow();
    }

    /** The verifying server: success if the token verifies against {@code jwks}, else failure 414. */
    private Future<Claims> verifyingServer(String jwks) throws Exception {
        server = new FakeWhatsAppServer(chains);
        return server.serveOne(s -> {
            JwkSet set = Jwks.setParser().build().parse(jwks);
            try {
                Claims claims = Jwts.parser()
                        .keyLocator(h -> {
                            String kid = ((io.jsonwebtoken.ProtectedHeader) h).getKeyId();
                            for (Jwk<?> jwk : set) {
                                if (jwk.getId().equals(kid)) {
                                    return (Key) jwk.toKey();
                                }
                            }
                            throw new JwtException("unknown kid");
                        })
                        .clock(() -> new Date())
                        .build()
                        .parseSignedClaims(s.login.getInteropData().getToken().toStringUtf8()).getPayload();
                s.send(ConnectSuccess.of(System.currentTimeMillis() / 1000, WaJid.lid("1")).toNode());
                while (!s.receive().isStreamEnd()) {
                    continue;
                }
                return claims;
            } catch (JwtException e) {
                s.send(ConnectFailure.of(FailureReason.TOKEN_INVALID).toNode());
                return null;
            }
        });
    }

    private LoginResult login(InteropToken token) throws Exception {
        WaConnectionConfig config = WaConnectionConfig.defaults();
        byte[] payload = new ClientPayloadFactory(UserAgentSettings.defaults())
                .bytes(31337L, 0, token.bytes(), true, ClientPayload.ConnectReason.USER_ACTIVATED);
        return WaConnection.open(config, runtime,
                TransportConnector.tcp(server.address(), config.profile(), Duration.ofSeconds(5)),
                new ClientHandshaker(config.profile(), X25519.generate(random), chains.verifier(), random),
                payload, new NodeRouter(Map.of()), closed -> { })
                .toCompletableFuture().get(15, TimeUnit.SECONDS);
    }

    @Test
    void serverVerifiesTheMintedTokenAgainstThePublishedJwks() throws Exception {
        Future<Claims> claims = verifyingServer(ProviderKeyExport.jwks(ring.published()));
        LoginResult.LoggedIn in = assertInstanceOf(LoginResult.LoggedIn.class, login(minter.mint("31337", "198.51.100.4")));
        in.connection().close();
        Claims seen = claims.get(15, TimeUnit.SECONDS);
        assertEquals("31337", seen.getSubject());
        assertEquals("198.51.100.4", seen.get("client_ip", String.class));
    }

    @Test
    void tokenFromAnUnpublishedKeyIsRefusedWith414() throws Exception {
        String jwksBeforeRotation = ProviderKeyExport.jwks(ring.published());
        ring.rotate(); // the server still has the old JWKS cached: the new kid is unknown to it
        verifyingServer(jwksBeforeRotation);
        LoginResult.Refused refused = assertInstanceOf(LoginResult.Refused.class,
                login(minter.mint("31337", "198.51.100.4")));
        assertEquals(FailureReason.TOKEN_INVALID, refused.failure().reason());
    }
}
