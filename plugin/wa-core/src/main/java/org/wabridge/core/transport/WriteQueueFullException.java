/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

/**
 * The peer did not read fast enough and the connection's bounded write queue is full. The frame was not sent
 * and the transport has been closed: a frame cannot simply be skipped, since Noise nonces count every frame.
 */
public final class WriteQueueFullException extends TransportException {
    public WriteQueueFullException(String message) {
        super(message);
    }
}
