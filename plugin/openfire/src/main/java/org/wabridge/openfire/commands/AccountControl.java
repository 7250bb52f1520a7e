/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.commands;

/**
 * What the user commands need from a user's WhatsApp session; implemented by the session layer. Usernames are
 * local Openfire usernames (the node of the user's JID); numbers are already validated E.164 strings
 * ({@code +} and digits). Calls may block briefly but must not wait for WhatsApp round trips longer than a few
 * seconds: the command answers the user while it runs.
 */
public interface AccountControl {

    /** The state of the user's WhatsApp session right now. */
    AccountStatus status(String username);

    /** Drops the user's WhatsApp connection if any and connects again. */
    void reconnect(String username) throws AccountControlException;

    /** Adds the WhatsApp user with this number to the user's roster (and WhatsApp contacts, where supported). */
    void addContact(String username, String e164) throws AccountControlException;

    /** Removes the WhatsApp user with this number from the user's roster (the conversation itself stays). */
    void removeContact(String username, String e164) throws AccountControlException;

    /**
     * Tells WhatsApp that the user blocks this number. The gateway has already recorded the block in its own
     * block list (it survives restarts and is applied to incoming stanzas); {@code NOT_CONNECTED} therefore means
     * "apply it when the session connects", not failure.
     */
    void block(String username, String e164) throws AccountControlException;

    /** Tells WhatsApp that the user no longer blocks this number; see {@link #block} for NOT_CONNECTED. */
    void unblock(String username, String e164) throws AccountControlException;

    /** Ends the user's WhatsApp session, forgets its state and removes the registration. */
    void unregister(String username) throws AccountControlException;
}
