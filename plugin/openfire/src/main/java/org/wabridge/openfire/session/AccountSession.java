/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.client.ConnectRequest;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.LifecycleController;
import org.wabridge.core.client.LifecycleMode;
import org.wabridge.core.client.SerialExecutor;
import org.wabridge.core.client.WaAccount;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.jid.WaJid;
import org.wabridge.openfire.registration.Registration;
import org.xmpp.packet.JID;

/**
 * One registered user's bridge session: owns the user's {@link WaAccount}, opens and closes it as the
 * {@link LifecycleController} decides from the user's XMPP resources, and hands every {@link WaEvent} to the
 * {@link Listener} on the session's own {@link SerialExecutor} (the engine's threads are never blocked by
 * database or routing work). All lifecycle decisions run on that executor too, so the controller, which is
 * not thread-safe, is only touched there.
 */
public final class AccountSession {

    private static final Logger LOG = LoggerFactory.getLogger(AccountSession.class);

    /** Address passed to the engine when the session opens with no client online (always-on mode). */
    public static final String NO_CLIENT_IP = "0.0.0.0";
    /** Grace after the last client leaves before the session closes (at most 1 s, see LifecycleController). */
    public static final Duration CLOSE_GRACE = Duration.ofMillis(500);

    /** What the session reports to the gateway; called on the session's executor. */
    public interface Listener {
        /** Every event from the engine, in order. */
        void onEvent(AccountSession session, WaEvent event);

        /** The session state changed (also after each connect attempt and on close). */
        void onState(AccountSession session, EngineState state);
    }

    private final Registration registration;
    private final JID user;
    private final WaJid self;
    private final WaAccount account;
    private final LifecycleController lifecycle;
    private final SerialExecutor executor;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Listener listener;
    private volatile String clientIp = NO_CLIENT_IP;
    private volatile boolean closed;

    /**
     * @param user  the user's bare JID
     * @param pool  shared worker pool (the session serializes its own work on it)
     * @param timer for the lifecycle's delayed close
     */
    public AccountSession(Registration registration, JID user, WaAccountFactory factory, LifecycleMode mode,
                          Executor pool, ScheduledExecutorService timer, Clock clock, Listener listener) {
        this.registration = Objects.requireNonNull(registration, "registration");
        this.user = user.asBareJID();
        this.self = WaJid.phone(registration.phoneE164().substring(1));
        this.executor = new SerialExecutor(pool);
        this.timer = Objects.requireNonNull(timer, "timer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.lifecycle = new LifecycleController(mode, CLOSE_GRACE);
        this.account = Objects.requireNonNull(factory.create(registration, this::fromEngine), "account");
    }

    public String username() {
        return registration.username();
    }

    /** @return the user's bare JID */
    public JID user() {
        return user;
    }

    /** @return the user's own WhatsApp address */
    public WaJid self() {
        return self;
    }

    public Registration registration() {
        return registration;
    }

    public WaAccount account() {
        return account;
    }

    /** @return the executor on which all of this session's work runs, one task at a time */
    public Executor executor() {
        return executor;
    }

    /** @return the engine's current state */
    public EngineState state() {
        return account.state();
    }

    /** Enables the session (registration exists): always-on opens now, follow-client waits for a client. */
    public void start() {
        executor.execute(() -> apply(lifecycle.start()));
    }

    /** A client resource of the user became available. */
    public void resourceOnline(String resource, String ip) {
        executor.execute(() -> {
            if (ip != null && !ip.isBlank()) {
                clientIp = ip;
            }
            apply(lifecycle.resourceOnline(resource));
        });
    }

    /** A client resource of the user went unavailable or disconnected. */
    public void resourceOffline(String resource) {
        executor.execute(() -> apply(lifecycle.resourceOffline(resource, clock.instant())));
    }

    /**
     * Drops the WhatsApp connection and connects again with the last client's address (user command); a no-op
     * unless the lifecycle wants the session open.
     */
    public void reconnect() {
        executor.execute(() -> {
            if (closed || !lifecycle.wantsOpen()) {
                return;
            }
            account.disconnect().whenComplete((v, error) -> executor.execute(() -> {
                if (!closed && lifecycle.wantsOpen()) {
                    account.connect(new ConnectRequest(clientIp)).whenComplete((state, e) -> executor.execute(
                            () -> listener.onState(this, e == null ? state : account.state())));
                }
            }));
        });
    }

    /** Closes the session for good (unregistration, plugin shutdown). */
    public CompletionStage<Void> close() {
        closed = true;
        return account.disconnect();
    }

    private void apply(LifecycleController.Decision decision) {
        if (closed) {
            return;
        }
        switch (decision.action()) {
            case OPEN:
                LOG.debug("Opening the WhatsApp session of {}", username());
                account.connect(new ConnectRequest(clientIp)).whenComplete((state, error) -> executor.execute(
                        () -> listener.onState(this, error == null ? state : account.state())));
                break;
            case CLOSE:
                LOG.debug("Closing the WhatsApp session of {}", username());
                account.disconnect().whenComplete((v, error) -> executor.execute(
                        () -> listener.onState(this, account.state())));
                break;
            case CHECK_LATER:
                Instant at = decision.checkAt().orElseThrow();
                // rounded up: a timer that fires before the deadline only makes the controller ask again
                long delay = Math.max(0, (Duration.between(clock.instant(), at).toNanos() + 999_999) / 1_000_000);
                try {
                    timer.schedule(() -> executor.execute(() -> apply(lifecycle.onTimer(clock.instant()))),
                            delay, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    LOG.debug("Timer stopped; the plugin is shutting down");
                }
                break;
            default:
                break;
        }
    }

    /** The engine's sink: returns at once, the work runs on the session's executor. */
    private void fromEngine(WaEvent event) {
        executor.execute(() -> {
            if (event instanceof WaEvent.StateChanged) {
                listener.onState(this, ((WaEvent.StateChanged) event).state());
            }
            listener.onEvent(this, event);
        });
    }

    /** @return true while the lifecycle wants the WhatsApp session open (read on any thread; may lag) */
    public boolean wantsOpen() {
        return lifecycle.wantsOpen();
    }

    @Override
    public String toString() {
        return "AccountSession[" + username() + "]";
    }
}
