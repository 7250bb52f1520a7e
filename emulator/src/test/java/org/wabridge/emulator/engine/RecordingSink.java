/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.client.WaEventSink;

/**
 * Records every event; answers each message handoff as told ({@link #deliverHandoffs}), and lets a test wait
 * for the next event of a kind. Waiting consumes the first unread event of that kind only, so "the next message
 * is X" is a real check while events of other kinds stay readable.
 */
final class RecordingSink implements WaEventSink {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final List<WaEvent> all = new ArrayList<>();
    private final List<WaEvent> unread = new ArrayList<>();
    private volatile boolean deliver = true;
    private volatile boolean hold;

    /** Whether new handoffs are answered delivered (true) or failed (false). */
    void deliverHandoffs(boolean value) {
        deliver = value;
    }

    /** While true, handoffs are left unanswered for the test to answer (a slow gateway). */
    void holdHandoffs(boolean value) {
        hold = value;
    }

    @Override
    public void onEvent(WaEvent event) {
        if (event instanceof WaEvent.MessageReceived && !hold) {
            WaEvent.MessageReceived m = (WaEvent.MessageReceived) event;
            if (deliver) {
                m.handoff().delivered();
            } else {
                m.handoff().failed("test refuses the handoff");
            }
        }
        synchronized (this) {
            all.add(event);
            unread.add(event);
            notifyAll();
        }
    }

    /** Waits for and consumes the first unread event of {@code type} matching {@code test}. */
    <T extends WaEvent> T next(Class<T> type, Predicate<T> test) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (this) {
            while (true) {
                for (int i = 0; i < unread.size(); i++) {
                    WaEvent e = unread.get(i);
                    if (type.isInstance(e) && test.test(type.cast(e))) {
                        unread.remove(i);
                        return type.cast(e);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT + "; saw " + all);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    <T extends WaEvent> T next(Class<T> type) throws InterruptedException {
        return next(type, e -> true);
    }

    /** Waits for a state change to {@code phase} entered after {@code after}. */
    WaEvent.StateChanged nextState(org.wabridge.core.client.EngineState.Phase phase, java.time.Instant after)
            throws InterruptedException {
        return next(WaEvent.StateChanged.class, s -> s.state().phase() == phase && s.state().since().isAfter(after));
    }

    /** Waits for a state change to {@code phase}. */
    WaEvent.StateChanged nextState(org.wabridge.core.client.EngineState.Phase phase) throws InterruptedException {
        return next(WaEvent.StateChanged.class, s -> s.state().phase() == phase);
    }

    synchronized List<WaEvent> all() {
        return List.copyOf(all);
    }

    synchronized <T extends WaEvent> List<T> allOf(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
