/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.session;

import org.wabridge.core.client.WaAccount;
import org.wabridge.core.client.WaEventSink;
import org.wabridge.openfire.registration.Registration;

/**
 * Makes the {@link WaAccount} of one registered user. The real WhatsApp engine plugs in here; until it does,
 * the plugin uses {@link NoEngineAccountFactory}. Called once per {@link AccountSession}; the account is
 * created stopped, and the session calls {@link WaAccount#connect} when the lifecycle says so.
 */
@FunctionalInterface
public interface WaAccountFactory {

    /**
     * @param registration the user's registration (username and E.164 number of their own WhatsApp account)
     * @param events       where the account must deliver every {@link org.wabridge.core.client.WaEvent}
     * @return a new, not yet connected account
     */
    WaAccount create(Registration registration, WaEventSink events);
}
