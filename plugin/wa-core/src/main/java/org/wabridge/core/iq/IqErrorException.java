/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.iq;

import org.wabridge.core.stanza.StanzaException;

/**
 * The server answered an IQ with {@code <iq type="error"><error code text/></iq>}. Extends
 * {@link StanzaException} so one catch covers malformed and refused answers; {@link #code()} tells them apart.
 */
public final class IqErrorException extends StanzaException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String text;

    public IqErrorException(String namespace, int code, String text) {
        super("iq", namespace + " refused: " + code + " " + text);
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }
}
