/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.util.Objects;

/**
 * What a connect needs from the XMPP side.
 *
 * @param clientIp the IP of the user's XMPP client, which the Reference Offer requires WhatsApp to receive
 *                 (RO 7.6.2.4, whatsapp-protocol.md §1.5); carried in the token
 */
public record ConnectRequest(String clientIp) {
    public ConnectRequest {
        Objects.requireNonNull(clientIp, "clientIp");
        if (clientIp.isBlank()) {
            throw new IllegalArgumentException("clientIp must not be blank");
        }
    }
}
