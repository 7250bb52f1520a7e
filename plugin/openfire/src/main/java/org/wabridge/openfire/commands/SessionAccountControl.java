/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.commands;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.SendResult;
import org.wabridge.openfire.id.UnmappableJidException;
import org.wabridge.openfire.registration.RegistrationException;
import org.wabridge.openfire.registration.RegistrationService;
import org.wabridge.openfire.roster.RosterException;
import org.wabridge.openfire.routing.MessagingService;
import org.wabridge.openfire.session.AccountSession;

/**
 * {@link AccountControl} over the session layer: status from the engine's state, reconnect drops and reopens the
 * user's WhatsApp connection, add-contact writes the roster item (and asks for presence when online), unregister
 * removes the registration, whose hook closes the session and deletes the Signal state. Block and unblock go to
 * WhatsApp through the online session and wait for its answer; without one they report NOT_CONNECTED (the
 * gateway's list already has the change, and the session applies it when it next comes online).
 */
public final class SessionAccountControl implements AccountControl {

    /** How long a block command waits for WhatsApp's answer before reporting it pending. */
    static final Duration BLOCK_TIMEOUT = Duration.ofSeconds(15);

    private final Supplier<RegistrationService> registrations;
    private final Supplier<Optional<MessagingService>> messaging;

    public SessionAccountControl(Supplier<RegistrationService> registrations,
                                 Supplier<Optional<MessagingService>> messaging) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.messaging = Objects.requireNonNull(messaging, "messaging");
    }

    @Override
    public AccountStatus status(String username) {
        Optional<AccountSession> session = messaging.get().flatMap(m -> m.session(username));
        if (session.isEmpty()) {
            return new AccountStatus(AccountStatus.Session.NOT_RUNNING, Optional.empty());
        }
        EngineState state = session.get().state();
        return new AccountStatus(sessionOf(state.phase()), Optional.of(state.since()));
    }

    static AccountStatus.Session sessionOf(EngineState.Phase phase) {
        switch (phase) {
            case ONLINE:
                return AccountStatus.Session.CONNECTED;
            case STOPPED:
                return AccountStatus.Session.NOT_RUNNING;
            case DEVICE_REMOVED:
            case REPLACED:
                return AccountStatus.Session.LOGGED_OUT;
            case BACKOFF:
            case TOKEN_EXPIRED:
            case TEMP_BANNED:
                return AccountStatus.Session.DISCONNECTED;
            default:
                return AccountStatus.Session.CONNECTING;
        }
    }

    @Override
    public void reconnect(String username) throws AccountControlException {
        AccountSession session = messaging.get().flatMap(m -> m.session(username))
                .orElseThrow(() -> notConnected("no session: none of your clients is online"));
        if (!session.wantsOpen()) {
            throw notConnected("the session is closed");
        }
        session.reconnect();
    }

    @Override
    public void addContact(String username, String e164) throws AccountControlException {
        MessagingService service = messaging.get().orElseThrow(() -> notConnected("messaging is not wired"));
        try {
            service.addContact(username, e164);
        } catch (UnmappableJidException e) {
            throw new AccountControlException(AccountControlException.Reason.UNKNOWN_NUMBER, e.getMessage(), e);
        } catch (RosterException e) {
            throw new AccountControlException(AccountControlException.Reason.FAILED, e.getMessage(), e);
        }
    }

    @Override
    public void removeContact(String username, String e164) throws AccountControlException {
        MessagingService service = messaging.get().orElseThrow(() -> notConnected("messaging is not wired"));
        try {
            service.removeContact(username, e164);
        } catch (UnmappableJidException e) {
            throw new AccountControlException(AccountControlException.Reason.UNKNOWN_NUMBER, e.getMessage(), e);
        } catch (RosterException e) {
            throw new AccountControlException(AccountControlException.Reason.FAILED, e.getMessage(), e);
        }
    }

    @Override
    public void block(String username, String e164) throws AccountControlException {
        changeBlock(username, e164, true);
    }

    @Override
    public void unblock(String username, String e164) throws AccountControlException {
        changeBlock(username, e164, false);
    }

    private void changeBlock(String username, String e164, boolean block) throws AccountControlException {
        MessagingService service = messaging.get().orElseThrow(() -> notConnected("messaging is not wired"));
        SendResult result;
        try {
            result = service.changeBlock(username, e164, block).toCompletableFuture()
                    .get(BLOCK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (UnmappableJidException e) {
            throw new AccountControlException(AccountControlException.Reason.UNKNOWN_NUMBER, e.getMessage(), e);
        } catch (TimeoutException e) {
            throw notConnected("WhatsApp did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notConnected("interrupted");
        } catch (ExecutionException e) {
            throw new AccountControlException(AccountControlException.Reason.FAILED, e.getCause().toString(), e);
        }
        if (result instanceof SendResult.Rejected) {
            SendResult.Rejected r = (SendResult.Rejected) result;
            switch (r.reason()) {
                case NOT_CONNECTED:
                case ENGINE_STOPPED:
                case TIMEOUT:
                    throw notConnected(r.plainWords()); // kept; applied when the session is next online
                case UNKNOWN_USER:
                    throw new AccountControlException(AccountControlException.Reason.UNKNOWN_NUMBER, r.plainWords());
                default:
                    throw new AccountControlException(AccountControlException.Reason.FAILED, r.plainWords());
            }
        }
    }

    @Override
    public void unregister(String username) throws AccountControlException {
        try {
            registrations.get().unregister(username);
        } catch (RegistrationException e) {
            throw new AccountControlException(e.reason() == RegistrationException.Reason.NOT_REGISTERED
                    ? AccountControlException.Reason.NOT_REGISTERED : AccountControlException.Reason.FAILED,
                    e.getMessage(), e);
        }
    }

    private static AccountControlException notConnected(String detail) {
        return new AccountControlException(AccountControlException.Reason.NOT_CONNECTED, detail);
    }
}
