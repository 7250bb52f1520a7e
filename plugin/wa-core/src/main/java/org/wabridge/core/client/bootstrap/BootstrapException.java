/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client.bootstrap;

import java.util.Objects;

/**
 * A bootstrap step failed. {@link #getCause()} is the typed cause as the connection reported it (for example
 * {@code IqErrorException} with the server's code, {@code IqTimeoutException}, {@code TransportException}), or
 * null when the answer itself was unusable (then the message says why).
 */
public final class BootstrapException extends Exception {
    private static final long serialVersionUID = 1L;
    private final BootstrapStep step;

    public BootstrapException(BootstrapStep step, String message, Throwable cause) {
        super("bootstrap step " + step + " failed: " + message, cause);
        this.step = Objects.requireNonNull(step, "step");
    }

    public BootstrapStep step() {
        return step;
    }
}
