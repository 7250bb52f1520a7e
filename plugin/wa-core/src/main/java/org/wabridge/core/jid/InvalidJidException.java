/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.jid;

/** A JID text form that cannot be parsed; the message names the offending input and what was wrong. */
public final class InvalidJidException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidJidException(String text, String problem) {
        super("invalid WhatsApp JID '" + text + "': " + problem);
    }
}
