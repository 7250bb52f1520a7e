/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Holds one engine's {@link EngineState} and enforces {@link EngineState.Phase#next()}. Every accepted change
 * is passed to the listener (the engine turns it into a {@code WaEvent.StateChanged}). Thread-safe; the
 * listener runs on the caller's thread after the lock is released.
 */
public final class EngineStateMachine {
    private final Clock clock;
    private final Consumer<EngineState> listener;
    private EngineState state;

    public EngineStateMachine(Clock clock, Consumer<EngineState> listener) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.state = EngineState.initial(clock.instant());
    }

    public synchronized EngineState state() {
        return state;
    }

    /** Moves to {@code phase}, keeping the last error; throws if the move is illegal. */
    public EngineState moveTo(EngineState.Phase phase) {
        return change(phase, Optional.empty(), null);
    }

    /** Moves to {@code phase} with a plain-words reason (shown to users; no secrets or phone numbers). */
    public EngineState fail(EngineState.Phase phase, String plainReason) {
        return change(phase, Optional.empty(), Objects.requireNonNull(plainReason, "plainReason"));
    }

    /** Moves to a waiting phase (BACKOFF, TEMP_BANNED) that ends at {@code until}. */
    public EngineState waitUntil(EngineState.Phase phase, Instant until, String plainReason) {
        if (phase != EngineState.Phase.BACKOFF && phase != EngineState.Phase.TEMP_BANNED) {
            throw new IllegalArgumentException(phase + " has no expiry");
        }
        return change(phase, Optional.of(until), Objects.requireNonNull(plainReason, "plainReason"));
    }

    /** True if {@code phase} is reachable from the current state. */
    public synchronized boolean canMoveTo(EngineState.Phase phase) {
        return state.phase().next().contains(phase);
    }

    private EngineState change(EngineState.Phase phase, Optional<Instant> until, String reason) {
        EngineState next;
        synchronized (this) {
            if (!state.phase().next().contains(phase)) {
                throw new IllegalEngineTransitionException(state.phase(), phase);
            }
            // ONLINE clears the old error: the user should not see a stale complaint while things work
            Optional<String> error = reason != null ? Optional.of(reason)
                    : phase == EngineState.Phase.ONLINE ? Optional.empty() : state.lastError();
            next = new EngineState(phase, clock.instant(), until, error);
            state = next;
        }
        listener.accept(next);
        return next;
    }
}
