/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Shared receive side of the transports: an I/O thread or callback {@link #deliver}s frames into a bounded
 * queue (a full queue blocks the producer, which pushes back on the peer) and the owner {@link #receive}s
 * them. The first terminal event wins and is reported to every later receive.
 */
public abstract class QueuedFrameTransport implements FrameTransport {
    private static final int QUEUE_CAPACITY = 256;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicReference<TransportException> terminal = new AtomicReference<>();

    /** Hands a decoded frame to the receiver; blocks while the queue is full. */
    protected final void deliver(byte[] frame) throws InterruptedException {
        if (terminal.get() == null) {
            inbound.put(frame);
        }
    }

    /**
     * Records why the connection ended (first call wins) and wakes the receiver; returns true if first.
     * Frames already queued stay readable before the end is reported, so a last frame sent just before the
     * peer closed (e.g. a stream error) is not lost. Call from the producer side only: it may block while
     * the queue is full.
     */
    protected final boolean terminate(TransportException cause) {
        if (!terminal.compareAndSet(null, cause)) {
            return false;
        }
        try {
            inbound.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inbound.clear();
            inbound.offer(END);
        }
        return true;
    }

    @Override
    public final byte[] receive(Duration timeout) throws TransportException {
        byte[] frame;
        try {
            frame = timeout == null ? inbound.take() : inbound.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for a frame", e);
        }
        if (frame == null) {
            throw new ReceiveTimeoutException("no frame within " + timeout.toMillis() + " ms");
        }
        if (frame == END) {
            inbound.offer(END);
            throw terminal.get(); // the typed reason itself: closed, truncated, too large, bad intro
        }
        return frame;
    }

    @Override
    public final void close(String reason) {
        // the owner is done reading: drop what is queued so the end marker always fits
        if (terminal.compareAndSet(null, new TransportClosedException("closed locally: " + reason))) {
            inbound.clear();
            inbound.offer(END);
            closeResources();
        }
    }

    /** Releases the socket; called once, after the terminal state is set. */
    protected abstract void closeResources();

    @Override
    public final boolean isOpen() {
        return terminal.get() == null;
    }

    @Override
    public final Optional<String> closeReason() {
        TransportException cause = terminal.get();
        return cause == null ? Optional.empty() : Optional.of(cause.getMessage());
    }

    /** The error that ended the connection, if any. */
    public final Optional<TransportException> terminalCause() {
        return Optional.ofNullable(terminal.get());
    }

    protected final void ensureOpen() throws TransportClosedException {
        TransportException cause = terminal.get();
        if (cause != null) {
            throw new TransportClosedException("connection closed: " + cause.getMessage(), cause);
        }
    }
}
