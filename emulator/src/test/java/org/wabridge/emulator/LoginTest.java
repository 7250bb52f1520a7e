/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.binary.Node;
import org.wabridge.core.cert.TrustAnchor;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519KeyPair;
import org.wabridge.core.transport.ConnectionIntro;
import org.wabridge.core.stanza.FailureReason;
import org.wabridge.core.testing.MutableClock;

/** Handshake over TCP and WebSocket with the emulator's chain, then every login outcome. */
class LoginTest {
    private static final long ACCOUNT = 4242L;
    @TempDir
    Path dir;
    private MutableClock clock;
    private TokenFactory idp;
    private WaEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(Instant.now());
        idp = new TokenFactory(dir.resolve("jwks.json"));
        emulator = WaEmulator.start(EmulatorConfig.defaults().withProviders(List.of(idp.provider()))
                .withTrustAnchorFile(dir.resolve("anchor.txt")), clock);
    }

    @AfterEach
    void stop() throws Exception {
        emulator.close();
    }

    private Node loginTcp(String token) throws Exception {
        try (TestClient c = TestClient.tcp(emulator, TestClient.interopPayload(ACCOUNT, 0, token))) {
            return c.next();
        }
    }

    private static void assertFailure(FailureReason expected, Node node) {
        assertEquals("failure", node.tag(), node.toString());
        assertEquals(Integer.toString(expected.code()), node.attrs().optString("reason", null));
    }

    @Test
    void trustAnchorFileHoldsTheRootThatSignsTheChain() throws Exception {
        String[] line = Files.readString(dir.resolve("anchor.txt")).strip().split(" ");
        assertEquals(emulator.trustAnchor(), TrustAnchor.ofHex(line[0], Integer.parseInt(line[1])));
    }

    @Test
    void validTokenOverTcpGetsSuccessWithLid() throws Exception {
        Node success = loginTcp(idp.token(Long.toString(ACCOUNT), clock.instant()));
        assertEquals("success", success.tag());
        assertEquals(clock.instant().getEpochSecond(), success.attrs().requireLong("t"));
        assertNotNull(success.attribute("lid"));
    }

    @Test
    void validTokenOverWebSocketGetsSuccess() throws Exception {
        try (TestClient c = TestClient.ws(emulator, TestClient.interopPayload(ACCOUNT, 0,
                idp.token(Long.toString(ACCOUNT), clock.instant())))) {
            assertEquals("success", c.next().tag());
        }
    }

    @Test
    void edgeRoutingPrefixIsAccepted() throws Exception {
        try (TestClient c = TestClient.tcp(emulator, TestClient.interopPayload(ACCOUNT, 0,
                idp.token(Long.toString(ACCOUNT), clock.instant())), X25519.generate(new java.security.SecureRandom()),
                new ConnectionIntro(new byte[] {9, 8, 7}, 6, 3))) {
            assertEquals("success", c.next().tag());
        }
    }

    @Test
    void expiredTokenGets413() throws Exception {
        Instant past = clock.instant().minus(Duration.ofHours(3));
        assertFailure(FailureReason.TOKEN_EXPIRED, loginTcp(idp.token("k1", TokenFactory.ISSUER, TokenFactory.AUDIENCE,
                Long.toString(ACCOUNT), past, past.plus(Duration.ofHours(1)))));
    }

    @Test
    void expiryWithinTheSkewIsTolerated() throws Exception {
        Instant now = clock.instant();
        assertEquals("success", loginTcp(idp.token("k1", TokenFactory.ISSUER, TokenFactory.AUDIENCE,
                Long.toString(ACCOUNT), now.minusSeconds(600), now.minusSeconds(30))).tag());
    }

    @Test
    void badSignatureGets414() throws Exception {
        String token = idp.token(Long.toString(ACCOUNT), clock.instant());
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(10);
        parts[2] = parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);
        assertFailure(FailureReason.TOKEN_INVALID, loginTcp(String.join(".", parts)));
    }

    @Test
    void unknownIssuerGets416() throws Exception {
        assertFailure(FailureReason.UNKNOWN_PROVIDER, loginTcp(idp.token("k1", "https://other.example.test",
                TokenFactory.AUDIENCE, Long.toString(ACCOUNT), clock.instant(), clock.instant().plusSeconds(600))));
    }

    @Test
    void wrongAudienceGets414() throws Exception {
        assertFailure(FailureReason.TOKEN_INVALID, loginTcp(idp.token("k1", TokenFactory.ISSUER, "someone-else",
                Long.toString(ACCOUNT), clock.instant(), clock.instant().plusSeconds(600))));
    }

    @Test
    void tokenForAnotherAccountGets414() throws Exception {
        assertFailure(FailureReason.TOKEN_INVALID, loginTcp(idp.token("999", clock.instant())));
    }

    @Test
    void futureIssuedAtGets414() throws Exception {
        Instant later = clock.instant().plus(Duration.ofHours(1));
        assertFailure(FailureReason.TOKEN_INVALID, loginTcp(idp.token("k1", TokenFactory.ISSUER, TokenFactory.AUDIENCE,
                Long.toString(ACCOUNT), later, later.plus(Duration.ofHours(1)))));
    }

    @Test
    void rejectNextTokensFailsExactlyThatManyLogins() throws Exception {
        emulator.rejectNextTokens(2, FailureReason.TOKEN_EXPIRED);
        String token = idp.token(Long.toString(ACCOUNT), clock.instant());
        assertFailure(FailureReason.TOKEN_EXPIRED, loginTcp(token));
        assertFailure(FailureReason.TOKEN_EXPIRED, loginTcp(token));
        assertEquals("success", loginTcp(token).tag());
        assertEquals(2, emulator.counters().loginsRefused());
    }

    @Test
    void temporaryBanGets402WithExpire() throws Exception {
        assertEquals("success", loginTcp(idp.token(Long.toString(ACCOUNT), clock.instant())).tag());
        emulator.directory().banTemporarily(Long.toString(ACCOUNT), Duration.ofMinutes(10));
        Node failure = loginTcp(idp.token(Long.toString(ACCOUNT), clock.instant()));
        assertFailure(FailureReason.TEMP_BANNED, failure);
        assertEquals(600, failure.attrs().requireLong("expire"));
    }

    @Test
    void removedKidStopsWorkingAfterTheNextRefresh() throws Exception {
        idp.addKey("k2");
        emulator.refreshJwks();
        String withK2 = idp.token("k2", TokenFactory.ISSUER, TokenFactory.AUDIENCE, Long.toString(ACCOUNT),
                clock.instant(), clock.instant().plusSeconds(3600));
        assertEquals("success", loginTcp(withK2).tag());
        idp.removeKey("k2");
        assertEquals("success", loginTcp(withK2).tag(), "cached until the refresh interval passes");
        clock.advance(emulator.config().jwksRefresh());
        assertFailure(FailureReason.TOKEN_INVALID, loginTcp(idp.token("k2", TokenFactory.ISSUER,
                TokenFactory.AUDIENCE, Long.toString(ACCOUNT), clock.instant(), clock.instant().plusSeconds(3600))));
        assertEquals("success", loginTcp(idp.token(Long.toString(ACCOUNT), clock.instant())).tag());
    }

    @Test
    void consumerLoginNeedsTheRegisteredNoiseKey() throws Exception {
        X25519KeyPair key = X25519.generate(new java.security.SecureRandom());
        emulator.directory().addUser("491701234567", true);
        emulator.directory().addDevice("491701234567", 0, key.publicKey());
        try (TestClient ok = TestClient.tcp(emulator, TestClient.consumerPayload(491701234567L, 0), key)) {
            assertEquals("success", ok.next().tag());
        }
        try (TestClient wrongKey = TestClient.tcp(emulator, TestClient.consumerPayload(491701234567L, 0))) {
            assertFailure(FailureReason.LOGGED_OUT, wrongKey.next());
        }
        assertTrue(emulator.counters().loginsAccepted() >= 1);
    }
}
