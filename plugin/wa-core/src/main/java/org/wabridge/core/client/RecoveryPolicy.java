/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.wabridge.core.stanza.ConnectFailure;
import org.wabridge.core.stanza.FailureReason;
import org.wabridge.core.stanza.StreamError;
import org.wabridge.core.stanza.StreamTermination;

/**
 * The engine's decision table for failures (whatsapp-protocol.md §5.12, §8; issue 6): a rejected token is
 * retried once with a fresh token, then the engine stops in TOKEN_EXPIRED; a temporary ban waits for its
 * expiry; {@code replaced} and removed devices never reconnect by themselves; transient trouble backs off with
 * full jitter; a 515 restart reconnects at once. Pure: the caller passes the time and the counters.
 */
public final class RecoveryPolicy {
    /** Used when a 402 failure carries no {@code expire}: waiting an hour is safer than hammering a ban. */
    static final Duration DEFAULT_BAN_WAIT = Duration.ofHours(1);

    private final Backoff backoff;

    public RecoveryPolicy(Backoff backoff) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /**
     * After an attempt that did not log in.
     *
     * @param failedAttempts consecutive failed attempts so far, including this one (drives the backoff)
     * @param tokenRetried   whether this attempt already used a token minted after a token rejection
     */
    public RecoveryDecision afterLogin(LoginResult result, int failedAttempts, boolean tokenRetried, Instant now) {
        if (result instanceof LoginResult.LoggedIn) {
            return new RecoveryDecision(EngineState.Phase.ONLINE, Optional.empty(), false, "connected");
        }
        if (result instanceof LoginResult.Refused) {
            return refused(((LoginResult.Refused) result).failure(), failedAttempts, tokenRetried, now);
        }
        if (result instanceof LoginResult.StreamEnded) {
            return terminated(((LoginResult.StreamEnded) result).termination(), failedAttempts, tokenRetried, now);
        }
        LoginResult.Failed failed = (LoginResult.Failed) result;
        String words = "handshake".equals(failed.step())
                ? "secure connection to WhatsApp failed (server identity or handshake)"
                : "could not reach WhatsApp (" + failed.step() + ")";
        return backoff(words, failedAttempts, now);
    }

    /** After a logged-in connection ended. {@code failedAttempts} counts attempts since the last ONLINE. */
    public RecoveryDecision afterClose(ConnectionClosed closed, int failedAttempts, boolean tokenRetried,
                                       Instant now) {
        if (closed.termination().isPresent()) {
            return terminated(closed.termination().get(), failedAttempts, tokenRetried, now);
        }
        switch (closed.reason()) {
            case LOCAL_CLOSE:
                return new RecoveryDecision(EngineState.Phase.STOPPED, Optional.empty(), false, "disconnected");
            case REPLACED:
                return replaced();
            case DEVICE_REMOVED:
                return removed("the account was logged out by WhatsApp");
            default:
                return backoff(closed.plainWords(), failedAttempts, now);
        }
    }

    /**
     * After {@code <success>} when the post-login bootstrap (prekeys, own devices) failed: the connection is
     * closed and retried like any transient trouble.
     */
    public RecoveryDecision afterBootstrapFailure(String plainWords, int failedAttempts, Instant now) {
        return backoff(plainWords, failedAttempts, now);
    }

    private RecoveryDecision refused(ConnectFailure failure, int failedAttempts, boolean tokenRetried, Instant now) {
        FailureReason reason = failure.reason();
        switch (reason.action()) {
            case NEW_TOKEN:
                return tokenRejected(failure.reasonCode(), tokenRetried, now);
            case WAIT_UNTIL_EXPIRY:
                Duration wait = failure.expireSeconds().isPresent()
                        ? Duration.ofSeconds(Math.max(0, failure.expireSeconds().getAsLong())) : DEFAULT_BAN_WAIT;
                return new RecoveryDecision(EngineState.Phase.TEMP_BANNED, Optional.of(now.plus(wait)), false,
                        "temporarily banned by WhatsApp" + failure.code().map(c -> " (reason " + c + ")").orElse(""));
            case RECONNECT:
                return backoff("WhatsApp is unavailable (" + failure.reasonCode() + ")", failedAttempts, now);
            default:
                return stopped(reason, failure.reasonCode());
        }
    }

    private RecoveryDecision stopped(FailureReason reason, int code) {
        switch (reason) {
            case LOGGED_OUT:
            case MAIN_DEVICE_GONE:
            case BANNED:
                return removed("WhatsApp logged the account out (" + code + ")");
            case CLIENT_OUTDATED:
                return stop("WhatsApp says the client version is outdated (405); update the user-agent version");
            case BAD_USER_AGENT:
                return stop("WhatsApp rejected the user agent (409)");
            case UNKNOWN_PROVIDER:
                return stop("WhatsApp does not know this provider (" + code + "); check the provider registration");
            default:
                return stop("WhatsApp refused the login (" + code + ")");
        }
    }

    private RecoveryDecision terminated(StreamTermination termination, int failedAttempts, boolean tokenRetried,
                                        Instant now) {
        if (!(termination instanceof StreamError)) {
            return backoff("WhatsApp closed the stream", failedAttempts, now);
        }
        StreamError error = (StreamError) termination;
        switch (error.kind()) {
            case REPLACED:
                return replaced();
            case DEVICE_REMOVED:
                return removed("the account was logged out by WhatsApp");
            case TOKEN_EXPIRED:
            case TOKEN_INVALID:
                return tokenRejected(error.code().orElse(0), tokenRetried, now);
            case RESTART_REQUIRED:
                return new RecoveryDecision(EngineState.Phase.BACKOFF, Optional.of(now), false,
                        "WhatsApp asked for a reconnect (515)");
            default:
                return backoff("WhatsApp ended the stream" + (error.code().isPresent()
                        ? " (" + error.code().getAsInt() + ")" : ""), failedAttempts, now);
        }
    }

    private static RecoveryDecision tokenRejected(int code, boolean tokenRetried, Instant now) {
        if (!tokenRetried) {
            return new RecoveryDecision(EngineState.Phase.TOKEN_EXPIRED, Optional.of(now), true,
                    "WhatsApp rejected the login token (" + code + "); retrying once with a fresh token");
        }
        return new RecoveryDecision(EngineState.Phase.TOKEN_EXPIRED, Optional.empty(), false,
                "WhatsApp rejected a freshly minted login token (" + code
                        + "); check the provider keys, the published JWKS and the server clock");
    }

    private RecoveryDecision backoff(String words, int failedAttempts, Instant now) {
        Duration delay = backoff.delay(Math.max(0, failedAttempts - 1));
        return new RecoveryDecision(EngineState.Phase.BACKOFF, Optional.of(now.plus(delay)), false, words);
    }

    private static RecoveryDecision replaced() {
        return new RecoveryDecision(EngineState.Phase.REPLACED, Optional.empty(), false,
                "another connection for this account took over; not reconnecting automatically");
    }

    private static RecoveryDecision removed(String words) {
        return new RecoveryDecision(EngineState.Phase.DEVICE_REMOVED, Optional.empty(), false, words);
    }

    private static RecoveryDecision stop(String words) {
        return new RecoveryDecision(EngineState.Phase.STOPPED, Optional.empty(), false, words);
    }
}
