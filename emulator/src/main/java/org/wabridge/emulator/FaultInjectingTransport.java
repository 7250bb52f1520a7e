/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.wabridge.core.transport.ConnectionIntro;
import org.wabridge.core.transport.FrameListener;
import org.wabridge.core.transport.PushFrameTransport;
import org.wabridge.core.transport.TransportException;

/**
 * Wraps a connection's frame transport so control hooks can misbehave below the Noise layer: delay
 * outgoing frames, flip a bit in the next one, send the last one again (a replay the client's nonce
 * counter must reject), or go silent (half-open: nothing sent, everything received is discarded).
 */
final class FaultInjectingTransport implements PushFrameTransport {
    private final PushFrameTransport delegate;
    private volatile boolean silent;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean corruptNext;
    private byte[] lastSent;

    FaultInjectingTransport(PushFrameTransport delegate) {
        this.delegate = delegate;
    }

    void silence() {
        silent = true;
    }

    boolean isSilent() {
        return silent;
    }

    void delayOutgoing(Duration d) {
        delay = d;
    }

    void corruptNextFrame() {
        corruptNext = true;
    }

    /** Sends the last ciphertext frame again, unchanged. */
    synchronized void replayLastFrame() throws TransportException {
        if (lastSent != null) {
            delegate.send(lastSent);
        }
    }

    @Override
    public synchronized void send(byte[] frame) throws TransportException {
        if (silent) {
            return;
        }
        Duration d = delay;
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted during injected delay", e);
            }
        }
        byte[] out = frame;
        if (corruptNext && frame.length > 0) {
            corruptNext = false;
            out = frame.clone();
            out[out.length - 1] ^= 0x01; // lands in the GCM tag: the client must refuse the frame
        }
        lastSent = out;
        delegate.send(out);
    }

    @Override
    public byte[] receive(Duration timeout) throws TransportException {
        while (true) {
            byte[] frame = delegate.receive(timeout);
            if (!silent) {
                return frame;
            }
        }
    }

    @Override
    public void listen(FrameListener listener, Executor executor) {
        delegate.listen(new FrameListener() {
            @Override
            public void onFrame(byte[] frame) {
                if (!silent) {
                    listener.onFrame(frame);
                }
            }

            @Override
            public void onClosed(TransportException cause) {
                listener.onClosed(cause);
            }
        }, executor);
    }

    @Override
    public void close(String reason) {
        delegate.close(reason);
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public Optional<String> closeReason() {
        return delegate.closeReason();
    }

    @Override
    public Optional<ConnectionIntro> peerIntro() {
        return delegate.peerIntro();
    }
}
