/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

/** An engine tried a state change the state machine does not allow; always a bug in the caller. */
public final class IllegalEngineTransitionException extends IllegalStateException {
    public IllegalEngineTransitionException(EngineState.Phase from, EngineState.Phase to) {
        super("illegal engine transition " + from + " -> " + to + " (allowed: " + from.next() + ")");
    }
}
