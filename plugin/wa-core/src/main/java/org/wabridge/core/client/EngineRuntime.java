/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * The shared machinery every connection and engine runs on; one instance per JVM (plugin), so the number of
 * threads does not grow with the number of users.
 *
 * @param io        runs blocking steps (connect, handshake) and the read loops
 * @param scheduler timers only (pings, IQ timeouts, backoff, lifecycle grace); tasks must be short
 * @param clock     wall time for keepalive windows and states
 * @param random    jitter for pings and backoff (not for keys)
 * @param crypto    Signal work and the engines' serial queues (decrypt, encrypt, store I/O); a bounded pool
 *                  sized to the cores keeps a burst of messages from starving the read loops on {@code io}
 */
public record EngineRuntime(Executor io, ScheduledExecutorService scheduler, Clock clock, RandomGenerator random,
                            Executor crypto) {
    public EngineRuntime {
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(crypto, "crypto");
    }

    /** A runtime whose Signal work shares the {@code io} executor (small deployments, tests). */
    public EngineRuntime(Executor io, ScheduledExecutorService scheduler, Clock clock, RandomGenerator random) {
        this(io, scheduler, clock, random, io);
    }
}
