/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.keys;

/** The public HTTP server refused or lacks what is needed to publish a servlet. */
public final class PublicEndpointException extends Exception {
    private static final long serialVersionUID = 1L;

    public PublicEndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
