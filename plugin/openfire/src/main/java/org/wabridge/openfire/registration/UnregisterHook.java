/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

/**
 * Runs after a registration was removed (unregister, the Openfire user was deleted, or the user registered
 * another number, which ends the old WhatsApp identity). This is where the contacts the gateway added to the
 * roster, the WhatsApp session and the user's Signal state are removed; {@link #NONE} where none exist.
 */
@FunctionalInterface
public interface UnregisterHook {

    UnregisterHook NONE = username -> { };

    /** @param username the Openfire user whose registration is gone */
    void registrationRemoved(String username);
}
