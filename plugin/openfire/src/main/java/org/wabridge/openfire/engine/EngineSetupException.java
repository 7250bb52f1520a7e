/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.engine;

/** The engine cannot be set up from the current settings (unreadable trust anchor, no provider keys, …). */
public final class EngineSetupException extends Exception {

    private static final long serialVersionUID = 1L;

    public EngineSetupException(String message, Throwable cause) {
        super(message, cause);
    }

    public EngineSetupException(String message) {
        super(message);
    }
}
