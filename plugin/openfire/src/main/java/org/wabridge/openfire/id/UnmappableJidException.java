/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.id;

/** A JID or WhatsApp address has no counterpart on the other side (wrong domain, not a phone number, …). */
public final class UnmappableJidException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnmappableJidException(String message) {
        super(message);
    }
}
