/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.wabridge.core.transport.BlockingFramePump;
import org.wabridge.core.transport.FrameListener;
import org.wabridge.core.transport.PushFrameTransport;
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

    /**
     * Switches to push delivery (see {@link PushFrameTransport#listen}): decrypted frames go to
     * {@code listener} one at a time, in order, on {@code executor}. A frame that fails authentication is
     * reported as {@code onClosed(CorruptFrameException)} and nothing after it is delivered; the connection is
     * left open so a server can still answer with a stream error, and the listener must close it. Transports
     * that cannot push are served by a {@link BlockingFramePump} task.
     */
    public void listen(FrameListener listener, Executor executor) {
        Objects.requireNonNull(listener, "listener");
        BlockingFramePump.listen(transport, new FrameListener() {
            private boolean broken; // only touched by the serial delivery

            @Override
            public void onFrame(byte[] ciphertext) {
                if (broken) {
                    return;
                }
                byte[] plaintext;
                try {
                    plaintext = reader.decrypt(ciphertext);
                } catch (CorruptFrameException e) {
                    broken = true;
                    LOG.debug("corrupt frame: {}", e.getMessage());
                    listener.onClosed(e);
                    return;
                }
                listener.onFrame(plaintext);
            }

            @Override
            public void onClosed(TransportException cause) {
                if (!broken) {
                    broken = true;
                    listener.onClosed(cause);
                }
            }
        }, executor);
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
