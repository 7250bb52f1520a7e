/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.roster;

/** A roster read or write failed (unknown user, shared-group conflict, storage error). */
public final class RosterException extends Exception {

    private static final long serialVersionUID = 1L;

    public RosterException(String message, Throwable cause) {
        super(message, cause);
    }
}
