/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.commands;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.wabridge.openfire.registration.RegistrationException;
import org.wabridge.openfire.registration.RegistrationService;

/**
 * The {@link AccountControl} in use while no session layer is wired: there is no WhatsApp session, so the status
 * says so, reconnect and add-contact are refused with NOT_CONNECTED (the user sees a clear error), block and
 * unblock stay in the gateway's block list until a session exists, and unregister removes the registration.
 */
public final class RegistrationOnlyAccountControl implements AccountControl {

    private final Supplier<RegistrationService> registrations;

    public RegistrationOnlyAccountControl(Supplier<RegistrationService> registrations) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
    }

    @Override
    public AccountStatus status(String username) {
        return new AccountStatus(AccountStatus.Session.NOT_RUNNING, Optional.empty());
    }

    @Override
    public void reconnect(String username) throws AccountControlException {
        throw notConnected();
    }

    @Override
    public void addContact(String username, String e164) throws AccountControlException {
        throw notConnected();
    }

    @Override
    public void block(String username, String e164) throws AccountControlException {
        throw notConnected();
    }

    @Override
    public void unblock(String username, String e164) throws AccountControlException {
        throw notConnected();
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

    private static AccountControlException notConnected() {
        return new AccountControlException(AccountControlException.Reason.NOT_CONNECTED, "no WhatsApp session layer");
    }
}
