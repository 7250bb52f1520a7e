/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wabridge.core.client.EngineState.Phase;
import org.wabridge.core.noise.HandshakeException;
import org.wabridge.core.stanza.ConnectFailure;
import org.wabridge.core.stanza.StreamEnd;
import org.wabridge.core.stanza.StreamError;
import org.wabridge.core.transport.TransportClosedException;

/** The failure table of whatsapp-protocol.md §5.12/§8 as the engine applies it. */
class RecoveryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    /** Always draws the top of the range, so backoff delays equal their ceiling. */
    private static final RandomGenerator TOP = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };
    private final RecoveryPolicy policy =
            new RecoveryPolicy(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), TOP));

    private static LoginResult refused(int code) {
        return new LoginResult.Refused(new ConnectFailure(code, Optional.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource({
        "401, DEVICE_REMOVED", "403, DEVICE_REMOVED", "406, DEVICE_REMOVED",
        "405, STOPPED", "409, STOPPED", "415, STOPPED", "416, STOPPED", "418, STOPPED", "501, STOPPED",
        "599, STOPPED", "500, BACKOFF", "503, BACKOFF"})
    void loginFailureCodesMapToTheDocumentedState(int code, Phase phase) {
        RecoveryDecision d = policy.afterLogin(refused(code), 1, false, NOW);
        assertEquals(phase, d.phase());
        assertEquals(phase == Phase.BACKOFF, d.retries(), "only transient codes retry by themselves");
        assertTrue(d.plainWords().contains(String.valueOf(code)) || phase == Phase.BACKOFF, d.plainWords());
    }

    @Test
    void rejectedTokenIsRetriedOnceWithAFreshTokenThenStops() {
        RecoveryDecision first = policy.afterLogin(refused(413), 1, false, NOW);
        assertEquals(Phase.TOKEN_EXPIRED, first.phase());
        assertEquals(Optional.of(NOW), first.retryAt());
        assertTrue(first.mintFreshToken());
        RecoveryDecision second = policy.afterLogin(refused(414), 2, true, NOW);
        assertEquals(Phase.TOKEN_EXPIRED, second.phase());
        assertFalse(second.retries());
        assertTrue(second.plainWords().contains("provider keys"));
    }

    @Test
    void temporaryBanWaitsForTheServerGivenExpiry() {
        RecoveryDecision d = policy.afterLogin(new LoginResult.Refused(ConnectFailure.tempBanned("101", 7200)), 1,
                false, NOW);
        assertEquals(Phase.TEMP_BANNED, d.phase());
        assertEquals(Optional.of(NOW.plusSeconds(7200)), d.retryAt());
        assertTrue(d.plainWords().contains("101"));
        RecoveryDecision noExpiry = policy.afterLogin(refused(402), 1, false, NOW);
        assertEquals(Optional.of(NOW.plus(RecoveryPolicy.DEFAULT_BAN_WAIT)), noExpiry.retryAt());
    }

    @Test
    void transportAndHandshakeFailuresBackOffExponentially() {
        LoginResult unreachable = new LoginResult.Failed("connect", new TransportClosedException("refused"));
        assertEquals(Optional.of(NOW.plusSeconds(1)), policy.afterLogin(unreachable, 1, false, NOW).retryAt());
        assertEquals(Optional.of(NOW.plusSeconds(8)), policy.afterLogin(unreachable, 4, false, NOW).retryAt());
        assertEquals(Optional.of(NOW.plusSeconds(60)), policy.afterLogin(unreachable, 30, false, NOW).retryAt());
        LoginResult badCert = new LoginResult.Failed("handshake",
                new HandshakeException(HandshakeException.Step.values()[0], "bad chain"));
        RecoveryDecision d = policy.afterLogin(badCert, 1, false, NOW);
        assertEquals(Phase.BACKOFF, d.phase());
        assertTrue(d.plainWords().contains("server identity"));
    }

    @Test
    void replacedAndDeviceRemovedNeverRetry() {
        for (StreamError e : new StreamError[] {StreamError.replaced(), StreamError.deviceRemoved()}) {
            RecoveryDecision d = policy.afterClose(new ConnectionClosed(DisconnectReason.REPLACED, Optional.of(e),
                    "x"), 0, false, NOW);
            assertFalse(d.retries());
            assertTrue(d.phase() == Phase.REPLACED || d.phase() == Phase.DEVICE_REMOVED);
            assertTrue(d.phase().needsAttention());
        }
    }

    @Test
    void closesAfterLoginAreClassified() {
        assertEquals(Optional.of(NOW), policy.afterClose(new ConnectionClosed(DisconnectReason.SERVER_CLOSED,
                Optional.of(StreamError.restartRequired()), "515"), 0, false, NOW).retryAt());
        RecoveryDecision lost = policy.afterClose(new ConnectionClosed(DisconnectReason.LINK_LOST, Optional.empty(),
                "no data from WhatsApp for 40 s"), 1, false, NOW);
        assertEquals(Phase.BACKOFF, lost.phase());
        assertEquals("no data from WhatsApp for 40 s", lost.plainWords());
        assertEquals(Phase.BACKOFF, policy.afterClose(new ConnectionClosed(DisconnectReason.SERVER_CLOSED,
                Optional.of(StreamEnd.INSTANCE), "end"), 1, false, NOW).phase());
        RecoveryDecision local = policy.afterClose(new ConnectionClosed(DisconnectReason.LOCAL_CLOSE,
                Optional.empty(), "closed locally"), 0, false, NOW);
        assertEquals(Phase.STOPPED, local.phase());
        assertFalse(local.retries());
        RecoveryDecision token = policy.afterClose(new ConnectionClosed(DisconnectReason.TOKEN_REJECTED,
                Optional.of(StreamError.tokenExpired()), "413"), 0, false, NOW);
        assertTrue(token.mintFreshToken());
        assertEquals(Phase.TOKEN_EXPIRED, token.phase());
    }

    @Test
    void everyDecisionIsALegalNextStateFromConnectingOrOnline() {
        // the engine applies login decisions from CONNECTING and close decisions from ONLINE
        for (int code : new int[] {401, 402, 403, 405, 406, 409, 413, 414, 415, 416, 418, 500, 501, 503, 777}) {
            Phase p = policy.afterLogin(refused(code), 1, false, NOW).phase();
            assertTrue(Phase.CONNECTING.next().contains(p), code + " -> " + p);
        }
        for (DisconnectReason r : DisconnectReason.values()) {
            Phase p = policy.afterClose(new ConnectionClosed(r, Optional.empty(), "x"), 1, false, NOW).phase();
            assertTrue(Phase.ONLINE.next().contains(p), r + " -> " + p);
        }
    }
}
