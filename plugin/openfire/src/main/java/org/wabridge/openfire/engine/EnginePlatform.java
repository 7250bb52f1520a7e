/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire.engine;

import java.io.IOException;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.client.ConnectRateLimiter;
import org.wabridge.core.client.EngineRuntime;
import org.wabridge.core.transport.NioTransportLoop;
import org.wabridge.openfire.NamedThreadFactory;

/**
 * What every user's engine shares, one per plugin load: bounded {@code io}, {@code crypto} and {@code login}
 * pools, one timer thread, one JVM-wide connect limiter, and (made on first use) the NIO loop of the TCP
 * transport and the HTTP client of the WebSocket transport. Lives as long as the plugin, across endpoint changes, so that closing the
 * engines of an old endpoint never races with shutting their executors down; {@link #close} runs in
 * destroyPlugin and stops everything in reverse order of creation.
 */
public final class EnginePlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnginePlatform.class);

    /** Tasks that may wait for a thread; beyond this the engine gets a rejection, never an unbounded queue. */
    static final int QUEUE_BOUND = 10_000;
    /**
     * Logins per second across all users, and the burst allowed at start (WhatsApp rate-limits connects). A login
     * blocks a thread of its own pool for its handshake, so the burst is that pool's size; live connections'
     * frames and pings run on the io pool and a mass reconnect cannot delay them.
     */
    static final double CONNECTS_PER_SECOND = 5;
    static final int IO_THREADS = 8;
    static final int LOGIN_THREADS = 4;
    static final int CONNECT_BURST = LOGIN_THREADS;

    private final ThreadPoolExecutor io;
    private final ThreadPoolExecutor crypto;
    private final ThreadPoolExecutor login;
    private final ScheduledExecutorService scheduler;
    private final EngineRuntime runtime;
    private final ConnectRateLimiter limiter;
    private final SecureRandom random = new SecureRandom();
    private NioTransportLoop loop;
    private HttpClient webClient;
    private boolean closed;

    public EnginePlatform(Clock clock) {
        io = bounded("engine-io", IO_THREADS);
        crypto = bounded("engine-crypto", Math.max(2, Runtime.getRuntime().availableProcessors()));
        login = bounded("engine-login", LOGIN_THREADS);
        scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("engine-timer"));
        runtime = new EngineRuntime(io, scheduler, clock, new java.util.Random(random.nextLong()), crypto, login);
        limiter = new ConnectRateLimiter(CONNECTS_PER_SECOND, CONNECT_BURST, clock);
    }

    public EngineRuntime runtime() {
        return runtime;
    }

    public ConnectRateLimiter limiter() {
        return limiter;
    }

    public SecureRandom random() {
        return random;
    }

    /** @return the shared NIO loop of TCP connections, started on first use */
    public synchronized NioTransportLoop loop() throws EngineSetupException {
        requireOpen();
        if (loop == null) {
            try {
                loop = NioTransportLoop.start(NamedThreadFactory.PREFIX + "engine-nio");
            } catch (IOException e) {
                throw new EngineSetupException("cannot open the NIO selector: " + e.getMessage(), e);
            }
        }
        return loop;
    }

    /** @return the shared HTTP client of WebSocket connections, made on first use */
    public synchronized HttpClient webClient() throws EngineSetupException {
        requireOpen();
        if (webClient == null) {
            webClient = HttpClient.newBuilder().executor(io).build();
        }
        return webClient;
    }

    private void requireOpen() throws EngineSetupException {
        if (closed) {
            throw new EngineSetupException("the plugin is shutting down");
        }
    }

    /** Stops the NIO loop, then the timer, then the pools (the engines must be disconnected before). */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (loop != null) {
                loop.close();
            }
        } finally {
            webClient = null; // java.net.http has no close before Java 21; its selector thread ends with it
            for (ExecutorService e : List.of(scheduler, login, crypto, io)) {
                e.shutdownNow();
            }
            for (ExecutorService e : List.of(scheduler, login, crypto, io)) {
                try {
                    if (!e.awaitTermination(5, TimeUnit.SECONDS)) {
                        LOG.warn("WhatsApp engine threads did not stop within 5 s");
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static ThreadPoolExecutor bounded(String purpose, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(QUEUE_BOUND), new NamedThreadFactory(purpose));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
