/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.session;

import org.xmpp.packet.JID;

/** Asks the server whether one client resource is connected and available right now. */
@FunctionalInterface
public interface ClientPresence {

    /** @param client a full JID */
    boolean isAvailable(JID client);
}
