/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Duration;

/** No answer to an IQ arrived in time (whatsapp-protocol.md §2.8: whatsmeow waits 75 s by default). */
public final class IqTimeoutException extends Exception {
    private static final long serialVersionUID = 1L;

    public IqTimeoutException(String id, Duration timeout) {
        super("no answer to iq " + id + " within " + timeout.toMillis() + " ms");
    }
}
