/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

/** Where the component hands message and presence stanzas once messaging is wired (see routing package). */
public interface GatewayMessaging {

    /** A message to the gateway or one of its contacts; a sender's stanzas arrive one at a time, in order. */
    void onMessage(Message message);

    /** A presence to the gateway or one of its contacts; in order with the sender's messages. */
    void onPresence(Presence presence);
}
