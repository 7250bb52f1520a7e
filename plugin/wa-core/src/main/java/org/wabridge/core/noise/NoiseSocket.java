/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.transport.ConnectionIntro;
import org.wabridge.core.transport.FrameTransport;
import org.wabridge.core.transport.TransportException;

/**
 * An established Noise session over a {@link FrameTransport}: every frame is AES-GCM encrypted with the
 * {@link CipherPair} from the handshake (whatsapp-protocol.md §2.5 step 5). A frame that fails to decrypt
 * closes the connection, because the peers' counters can no longer agree.
 *
 * <p>Threading: {@link #send} from any thread (encrypt and write happen under one lock so wire order
 * matches nonce order); {@link #receive} from one reader thread.
 */
public final class NoiseSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NoiseSocket.class);

    private final FrameTransport transport;
    private final TransportCipher writer;
    private final TransportCipher reader;
    private final Object writeLock = new Object();

    public NoiseSocket(FrameTransport transport, CipherPair ciphers) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.writer = ciphers.write();
        this.reader = ciphers.read();
    }

    /** Encrypts and sends one plaintext frame (e.g. a flags byte plus binary XML). */
    public void send(byte[] plaintext) throws TransportException {
        synchronized (writeLock) {
            transport.send(writer.encrypt(plaintext));
        }
    }

    /**
     * Receives and decrypts the next frame; waits at most {@code timeout} ({@code null} = forever). A frame
     * that fails authentication closes the connection and throws {@link CorruptFrameException}.
     */
    public byte[] receive(Duration timeout) throws TransportException {
        byte[] ciphertext = transport.receive(timeout);
        try {
            return reader.decrypt(ciphertext);
        } catch (CorruptFrameException e) {
            LOG.warn("closing Noise connection: {}", e.getMessage());
            transport.close("corrupt frame: " + e.getMessage());
            throw e;
        }
    }

    public void close(String reason) {
        transport.close(reason);
    }

    @Override
    public void close() {
        transport.close();
    }

    public boolean isOpen() {
        return transport.isOpen();
    }

    public Optional<String> closeReason() {
        return transport.closeReason();
    }

    /** Server side: the intro the client sent. */
    public Optional<ConnectionIntro> peerIntro() {
        return transport.peerIntro();
    }
}
