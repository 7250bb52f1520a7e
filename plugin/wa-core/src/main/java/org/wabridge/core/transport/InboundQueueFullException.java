/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

/**
 * The peer sent more frames than the connection may hold unprocessed, on a transport that cannot pause its
 * reads (so it closes the connection instead of buffering without bound or stalling a shared thread).
 */
public final class InboundQueueFullException extends TransportException {
    public InboundQueueFullException(String message) {
        super(message);
    }
}
