/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.routing;

import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/** How the gateway hands stanzas to Openfire; {@link OpenfireXmppDelivery} in production. */
public interface XmppDelivery {

    /** Where a kept message went. */
    enum Outcome {
        /** Routed to the user's available session(s). */
        ONLINE,
        /** Put into Openfire's offline storage; delivered at the user's next login. */
        STORED_OFFLINE
    }

    /**
     * Hands over a message that must not be lost: to the user's session if one is available, else to offline
     * storage. Returns only when Openfire has it.
     *
     * @throws DeliveryException if offline storage refused it (quota, policy) or routing failed
     */
    Outcome deliver(Message message) throws DeliveryException;

    /** Sends a transient stanza (presence, chat state, receipt, error); it may be dropped if nobody is online. */
    void send(Packet packet);

    /** @return true if the user has at least one available client session */
    boolean isOnline(String username);
}
