/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.util.PropertyEventDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reacts to changes of {@code plugin.whatsapp.*} properties on the plugin's own {@code whatsapp-settings}
 * thread, so that the reactions (re-registering the component, re-wiring the engine) and admin actions queued
 * with {@link #schedule} never overlap and never run on the thread that wrote the property.
 */
final class SettingsWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsWatch.class);

    private final ThreadPoolExecutor executor;
    private final SettingsListener listener;

    private SettingsWatch(Runnable onChange) {
        // One thread, started on demand and stopped when idle, so an idle plugin holds no thread.
        executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamedThreadFactory("settings"));
        executor.allowCoreThreadTimeOut(true);
        Objects.requireNonNull(onChange, "onChange");
        listener = new SettingsListener(() -> schedule(onChange));
    }

    /** Starts listening; {@code onChange} runs on the settings thread after every change of an own key. */
    static SettingsWatch start(Runnable onChange) {
        SettingsWatch watch = new SettingsWatch(onChange);
        PropertyEventDispatcher.addListener(watch.listener);
        return watch;
    }

    /** @return false if the watch is closed (the plugin is being unloaded), so the task will not run */
    boolean schedule(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Stops listening, then stops the thread (a running reaction is interrupted, queued ones are dropped). */
    @Override
    public void close() {
        try {
            PropertyEventDispatcher.removeListener(listener);
        } finally {
            executor.shutdownNow();
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("WhatsApp settings thread did not stop within 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
