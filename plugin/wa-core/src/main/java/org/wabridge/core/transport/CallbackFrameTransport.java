/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receive side shared by the push transports. An I/O callback (selector loop, WebSocket listener) hands
 * decoded frames to {@link #received}, which never blocks; they wait in a bounded queue until the owner
 * either {@link #receive}s them (handshake, login answer) or, after {@link #listen}, they are pushed to the
 * listener by a drain task on the owner's executor: one task per connection at a time, so frames stay in
 * order and no thread waits for an idle connection. When the queue reaches its {@link FlowLimits} the
 * subclass is told to stop reading ({@link #received} returns false) and {@link #resumeReading} is called
 * once it has drained below half.
 *
 * <p>Two end states: input ended ({@link #inputFailed}: a decoding error; the peer may still be written to)
 * and closed ({@link #terminate} by the I/O side, {@link #close} by the owner). Either way the listener gets
 * {@link FrameListener#onClosed} once, after every frame queued before the end.
 */
public abstract class CallbackFrameTransport implements PushFrameTransport {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackFrameTransport.class);
    /** Frames one drain task delivers before yielding its thread to other connections. */
    private static final int DRAIN_BATCH = 32;

    protected final FlowLimits limits;
    private final Object lock = new Object();
    private final ArrayDeque<byte[]> inbound = new ArrayDeque<>(4);
    private final AtomicReference<TransportException> closed = new AtomicReference<>();
    private long inboundBytes;
    private FrameListener listener;
    private Executor executor;
    private boolean draining;
    private boolean readPaused;
    private TransportException inputEnd;
    private boolean endDelivered;

    protected CallbackFrameTransport(FlowLimits limits) {
        this.limits = limits;
    }

    /**
     * I/O side: queues one frame. Returns false when the caller should stop reading until
     * {@link #resumeReading} (queue at its limit, or input already ended).
     */
    protected final boolean received(byte[] frame) {
        boolean schedule = false;
        boolean keepReading;
        synchronized (lock) {
            if (inputEnd != null) {
                return false; // closed locally or failed: nobody will read it
            }
            inbound.add(frame);
            inboundBytes += frame.length;
            if (listener != null) {
                schedule = !draining;
                draining = true;
            } else {
                lock.notifyAll();
            }
            if (inbound.size() >= limits.inboundFrames() || inboundBytes >= limits.inboundBytes()) {
                readPaused = true;
            }
            keepReading = !readPaused;
        }
        if (schedule) {
            submitDrain();
        }
        return keepReading;
    }

    /** True while the I/O side should read: not paused by the queue limit and input not ended. */
    protected final boolean wantsInput() {
        synchronized (lock) {
            return !readPaused && inputEnd == null;
        }
    }

    /** True once no more frames will be queued (input failed, or the connection closed). */
    protected final boolean inputEnded() {
        synchronized (lock) {
            return inputEnd != null;
        }
    }

    /** Called (from any thread) once a paused queue drained below half its limits. */
    protected abstract void resumeReading();

    /** Releases the socket; called once, after the closed state is set. */
    protected abstract void closeResources();

    /** I/O side: input cannot continue (a decoding error); reported after queued frames, socket left open. */
    protected final void inputFailed(TransportException cause) {
        endInput(cause);
    }

    /** I/O side: the connection is gone (peer closed, I/O error). Queued frames are still delivered first. */
    protected final boolean terminate(TransportException cause) {
        boolean first = closed.compareAndSet(null, cause);
        endInput(cause);
        if (first) {
            closeResources();
        }
        return first;
    }

    @Override
    public final void close(String reason) {
        abort(new TransportClosedException("closed locally: " + reason));
    }

    /**
     * Closes at once and drops what is queued unread, reporting {@code cause} to the listener (e.g. a peer
     * that flooded the connection: its backlog is not worth processing).
     */
    protected final void abort(TransportException cause) {
        if (!closed.compareAndSet(null, cause)) {
            return;
        }
        synchronized (lock) { // the owner is done: what is queued will not be read
            inbound.clear();
            inboundBytes = 0;
        }
        endInput(cause);
        closeResources();
    }

    @Override
    public final void listen(FrameListener frameListener, Executor deliveryExecutor) {
        boolean schedule;
        synchronized (lock) {
            if (listener != null) {
                throw new IllegalStateException("a listener is already set");
            }
            listener = frameListener;
            executor = deliveryExecutor;
            schedule = (!inbound.isEmpty() || inputEnd != null) && !draining;
            draining |= schedule;
            lock.notifyAll(); // a blocked receive() must not keep waiting
        }
        if (schedule) {
            submitDrain();
        }
    }

    @Override
    public final byte[] receive(Duration timeout) throws TransportException {
        byte[] frame;
        boolean resume;
        synchronized (lock) {
            long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
            while (inbound.isEmpty() && inputEnd == null && listener == null) {
                try {
                    if (timeout == null) {
                        lock.wait();
                    } else {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new ReceiveTimeoutException("no frame within " + timeout.toMillis() + " ms");
                        }
                        lock.wait(left / 1_000_000, (int) (left % 1_000_000));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TransportException("interrupted while waiting for a frame", e);
                }
            }
            if (listener != null) {
                throw new IllegalStateException("frames are pushed to a listener; receive() is not allowed");
            }
            frame = inbound.poll();
            if (frame == null) {
                throw inputEnd; // the typed reason itself: closed, truncated, too large, bad intro
            }
            resume = tookFrame(frame);
        }
        if (resume) {
            resumeReading();
        }
        return frame;
    }

    private boolean tookFrame(byte[] frame) {
        inboundBytes -= frame.length;
        if (readPaused && inputEnd == null && inbound.size() <= limits.inboundFrames() / 2
                && inboundBytes <= limits.inboundBytes() / 2) {
            readPaused = false;
            return true;
        }
        return false;
    }

    private void endInput(TransportException cause) {
        boolean schedule = false;
        synchronized (lock) {
            if (inputEnd != null) {
                return;
            }
            inputEnd = cause;
            if (listener != null) {
                schedule = !draining;
                draining = true;
            } else {
                lock.notifyAll();
            }
        }
        if (schedule) {
            submitDrain();
        }
    }

    private void submitDrain() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            LOG.warn("delivery executor refused a connection's frames; closing it");
            synchronized (lock) {
                draining = false;
            }
            close("delivery executor shut down");
        }
    }

    private void drain() {
        for (int i = 0; i < DRAIN_BATCH; i++) {
            byte[] frame;
            TransportException end = null;
            boolean resume = false;
            FrameListener target;
            synchronized (lock) {
                target = listener;
                frame = inbound.poll();
                if (frame != null) {
                    resume = tookFrame(frame);
                } else if (inputEnd != null && !endDelivered) {
                    endDelivered = true;
                    end = inputEnd;
                } else {
                    draining = false;
                    return;
                }
            }
            if (resume) {
                resumeReading();
            }
            if (end != null) {
                deliverEnd(target, end);
                continue; // the loop then finds nothing more and clears the draining flag
            }
            try {
                target.onFrame(frame);
            } catch (RuntimeException e) {
                LOG.error("frame listener failed; closing the connection", e);
                close("frame listener failed: " + e);
            }
        }
        submitDrain(); // more to do: yield to other connections sharing the executor
    }

    private static void deliverEnd(FrameListener target, TransportException end) {
        try {
            target.onClosed(end);
        } catch (RuntimeException e) {
            LOG.error("close listener failed", e);
        }
    }

    @Override
    public final boolean isOpen() {
        return closed.get() == null;
    }

    @Override
    public final Optional<String> closeReason() {
        TransportException cause = closed.get();
        return cause == null ? Optional.empty() : Optional.of(cause.getMessage());
    }

    /** The error that closed the connection, if it is closed. */
    public final Optional<TransportException> terminalCause() {
        return Optional.ofNullable(closed.get());
    }

    protected final void ensureOpen() throws TransportClosedException {
        TransportException cause = closed.get();
        if (cause != null) {
            throw new TransportClosedException("connection closed: " + cause.getMessage(), cause);
        }
    }
}
