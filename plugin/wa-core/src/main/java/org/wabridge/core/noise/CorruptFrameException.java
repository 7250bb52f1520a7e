/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import org.wabridge.core.transport.TransportException;

/** A transport frame failed AES-GCM authentication (or the cipher is poisoned); the connection must close. */
public final class CorruptFrameException extends TransportException {
    public CorruptFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
