/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

/**
 * Runs after a registration was removed (unregister, or the Openfire user was deleted). This is where the
 * contacts the gateway added to the roster, the WhatsApp session and the user's Signal state are removed
 * once those parts exist; until then {@link #NONE}.
 */
@FunctionalInterface
public interface UnregisterHook {

    UnregisterHook NONE = username -> { };

    /** @param username the Openfire user whose registration is gone */
    void registrationRemoved(String username);
}
