/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.registration;

/**
 * Runs after the user's own registration became LINKED (new, a new number, or a pending one under a policy
 * that no longer waits). This is where the WhatsApp session of a user whose client is already online opens:
 * Openfire's login event, which opens it otherwise, came before the registration. An administrator's approval
 * has its own path (it also tells the user), so it does not run this hook.
 */
@FunctionalInterface
public interface LinkHook {

    LinkHook NONE = username -> { };

    /**
     * Called on the registering thread (the component's worker pool); must not block on I/O.
     *
     * @param username the Openfire user whose registration is now linked
     */
    void registrationLinked(String username);
}
