/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.component;

/** Openfire did not accept the gateway component (for example: its subdomain is already in use). */
public final class GatewayRegistrationException extends Exception {

    private static final long serialVersionUID = 1L;

    public GatewayRegistrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
