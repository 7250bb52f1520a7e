/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: one per engine gives each account ordered
 * processing (state changes, decrypts, events) without a thread of its own, and the gateway uses one per user
 * session the same way. After a batch it yields the pool thread so one busy account cannot starve the others.
 * A task that throws is logged and the queue continues. Once the pool refuses work (shut down), queued and
 * later tasks are dropped: nothing can run them any more. The queue itself is unbounded; its producers bound
 * it: inbound stanzas by the engine's inbound backlog limit ({@code EngineConnector}), gateway calls by
 * {@link EngineSettings#maxPendingSends()} ({@code WaEngine}).
 */
public final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    private static final int BATCH = 64;

    private final Executor pool;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;
    private int peak;

    public SerialExecutor(Executor pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        boolean start;
        synchronized (tasks) {
            tasks.add(task);
            peak = Math.max(peak, tasks.size());
            start = !scheduled;
            scheduled = true;
        }
        if (start) {
            submit();
        }
    }

    /** Tasks waiting or running (a metric). */
    int queued() {
        synchronized (tasks) {
            return tasks.size();
        }
    }

    /** The longest the queue has been since the engine was built (a metric: how far an account fell behind). */
    int peakQueued() {
        synchronized (tasks) {
            return peak;
        }
    }

    private void submit() {
        try {
            pool.execute(this::drain);
        } catch (RuntimeException e) { // pool shut down: nothing more can run
            LOG.debug("serial executor's pool rejected work: {}", e.toString());
            synchronized (tasks) {
                tasks.clear();
                scheduled = false;
            }
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    scheduled = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("serial task failed: {}", e.toString(), e);
            }
        }
        submit(); // more work: requeue behind other accounts' tasks
    }
}
