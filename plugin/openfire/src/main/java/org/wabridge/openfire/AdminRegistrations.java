/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.wabridge.core.client.EngineState;
import org.wabridge.openfire.registration.Registration;
import org.wabridge.openfire.registration.RegistrationException;
import org.wabridge.openfire.registration.RegistrationService;
import org.wabridge.openfire.registration.RegistrationStore;
import org.wabridge.openfire.session.AccountSession;

/**
 * What the administrator does with registrations on the admin page: list them with each user's live session
 * state, approve a waiting one (the user is told, and gets a session at once if online), reject or remove one
 * (the same cleanup as the user's unregister; the user is told which). Messaging may be absent (plugin not
 * running): then decisions are still stored, only nobody is told.
 */
public final class AdminRegistrations {

    private final Supplier<RegistrationService> registrations;
    private final Supplier<Optional<MessagingWiring>> messaging;
    private final RegistrationStore store;

    AdminRegistrations(Supplier<RegistrationService> registrations, Supplier<Optional<MessagingWiring>> messaging,
                       RegistrationStore store) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.store = Objects.requireNonNull(store, "store");
    }

    public List<Registration> all() throws RegistrationException {
        return registrations.get().all();
    }

    /** Links a waiting registration; approving a linked one changes nothing and tells nobody. */
    public Registration approve(String username) throws RegistrationException {
        RegistrationService service = registrations.get();
        boolean waiting = service.find(username).map(r -> r.state() == Registration.State.PENDING).orElse(false);
        Registration approved = service.approve(username);
        if (waiting) {
            messaging.get().ifPresent(m -> m.approved(username, store));
        }
        return approved;
    }

    /** @return false if there was no registration */
    public boolean remove(String username) throws RegistrationException {
        RegistrationService service = registrations.get();
        boolean waiting = service.find(username).map(r -> r.state() == Registration.State.PENDING).orElse(false);
        boolean removed = service.remove(username);
        if (removed) {
            messaging.get().ifPresent(m -> m.service().notifyUser(username, waiting
                    ? "whatsapp.gateway.registration.rejected" : "whatsapp.gateway.registration.removed"));
        }
        return removed;
    }

    /** @return the live state of the user's WhatsApp session, if the user has one (in memory, no I/O) */
    public Optional<EngineState> sessionState(String username) {
        return messaging.get().flatMap(m -> m.service().session(username)).map(AccountSession::state);
    }
}
