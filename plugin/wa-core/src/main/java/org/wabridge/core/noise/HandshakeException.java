/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

/**
 * A Noise handshake failed; {@link #step()} names where. The cause carries the detail, e.g. a
 * {@link org.wabridge.core.cert.CertificateChainException} subtype at {@link Step#VERIFY_CERTIFICATE} or a
 * {@link org.wabridge.core.transport.ReceiveTimeoutException} while waiting for the peer.
 */
public final class HandshakeException extends Exception {

    /** The XX steps in spec order (whatsapp-protocol.md §2.5), from both sides. */
    public enum Step {
        SEND_CLIENT_HELLO,
        RECEIVE_CLIENT_HELLO,
        SEND_SERVER_HELLO,
        RECEIVE_SERVER_HELLO,
        DECRYPT_SERVER_STATIC,
        DECRYPT_CERTIFICATE,
        VERIFY_CERTIFICATE,
        SEND_CLIENT_FINISH,
        RECEIVE_CLIENT_FINISH,
        DECRYPT_CLIENT_STATIC,
        DECRYPT_CLIENT_PAYLOAD
    }

    private final Step step;

    public HandshakeException(Step step, String message, Throwable cause) {
        super(step + ": " + message, cause);
        this.step = step;
    }

    public HandshakeException(Step step, String message) {
        this(step, message, null);
    }

    public Step step() {
        return step;
    }
}
