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
 * @param io        frame callbacks, pings and connection ends (short tasks)
 * @param scheduler timers only (pings, IQ timeouts, backoff, lifecycle grace); tasks must be short
 * @param clock     wall time for keepalive windows and states
 * @param random    jitter for pings and backoff (not for keys)
 * @param crypto    Signal work and the engines' serial queues (decrypt, encrypt, store I/O); a bounded pool
 *                  sized to the cores keeps a burst of messages from starving the read loops on {@code io}
 * @param login     the blocking steps of a login (connect, Noise handshake, login result); a pool of its own
 *                  means a mass reconnect waits for login threads instead of delaying live connections' frames
 *                  and pings
 */
public record EngineRuntime(Executor io, ScheduledExecutorService scheduler, Clock clock, RandomGenerator random,
                            Executor crypto, Executor login) {
    public EngineRuntime {
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(crypto, "crypto");
        Objects.requireNonNull(login, "login");
    }

    /** A runtime whose logins share the {@code io} executor. */
    public EngineRuntime(Executor io, ScheduledExecutorService scheduler, Clock clock, RandomGenerator random,
                         Executor crypto) {
        this(io, scheduler, clock, random, crypto, io);
    }

    /** A runtime whose Signal work and logins share the {@code io} executor (small deployments, tests). */
    public EngineRuntime(Executor io, ScheduledExecutorService scheduler, Clock clock, RandomGenerator random) {
        this(io, scheduler, clock, random, io, io);
    }
}
