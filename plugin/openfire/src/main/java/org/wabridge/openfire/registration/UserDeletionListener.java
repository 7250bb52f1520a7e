/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.jivesoftware.openfire.event.UserEventListener;
import org.jivesoftware.openfire.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes a user's WhatsApp registration (and, through the {@link UnregisterHook}, everything linked to it)
 * when the Openfire user is deleted. Registered by the plugin with Openfire's UserEventDispatcher.
 */
public final class UserDeletionListener implements UserEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(UserDeletionListener.class);

    private final Supplier<RegistrationService> registrations;

    public UserDeletionListener(Supplier<RegistrationService> registrations) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
    }

    @Override
    public void userDeleting(User user, Map<String, Object> params) {
        try {
            registrations.get().remove(user.getUsername());
        } catch (RegistrationException e) {
            // WARN, not ERROR: the database failed, not our code; the admin must remove the row by hand
            LOG.warn("Could not remove the WhatsApp registration of deleted user {}", user.getUsername(), e);
        }
    }

    @Override
    public void userCreated(User user, Map<String, Object> params) {
        // nothing to do: users register themselves
    }

    @Override
    public void userModified(User user, Map<String, Object> params) {
        // nothing to do
    }
}
