/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wabridge.core.client.EngineMetrics;
import org.wabridge.core.client.EngineRuntime;
import org.wabridge.core.client.EngineSettings;
import org.wabridge.core.client.EngineState;
import org.wabridge.core.client.SendResult;
import org.wabridge.core.client.WaConnectionConfig;
import org.wabridge.core.client.WaEngine;
import org.wabridge.core.client.WaEvent;
import org.wabridge.core.message.TextContent;
import org.wabridge.emulator.EmulatorConfig;

/**
 * Issue 6, bounded inbound backlog: a receiving engine whose serial queue is stalled (its crypto pool held shut)
 * must not queue incoming stanzas without bound. Past {@code maxPendingHandoffs} it drops the connection; once
 * the queue runs again it reconnects, WhatsApp redelivers what was never acked, and every message reaches the
 * gateway exactly once. The metrics show the overflow and the peak queue length. Gateway calls past
 * {@code maxPendingSends} queued are refused at once as {@code RATE_LIMITED}.
 */
class EngineInboundBacklogTest {
    private static final int BOUND = 5;
    private static final int MESSAGES = 20;

    @TempDir
    Path dir;
    private final ExecutorService io = Executors.newFixedThreadPool(4);
    private final ExecutorService crypto = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<WaEngine> engines = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        stopEngines();
        io.shutdownNow();
        crypto.shutdownNow();
        scheduler.shutdownNow();
    }

    @Test
    void aStalledEngineDropsTheLinkAtItsBoundAndLosesNothing() throws Exception {
        Gate gate = new Gate(crypto);
        EngineRuntime shared = new EngineRuntime(io, scheduler, java.time.Clock.systemUTC(), new Random(5), crypto);
        EngineRuntime stallable = new EngineRuntime(io, scheduler, java.time.Clock.systemUTC(), new Random(6), gate);
        EngineSettings base = EngineSettings.defaults().withConnection(WaConnectionConfig.defaults())
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30));
        EngineSettings small = new EngineSettings(base.connection(), base.ackTimeout(), base.handoffTimeout(),
                base.maxPendingSends(), BOUND, base.deviceCacheSize(), base.deviceCacheTtl(), base.maxRetryReceipts(),
                base.maxRetryAnswers(), base.seenIdsCapacity(), "Receiver");
        EmulatorConfig config = EmulatorConfig.defaults().withLimits(100, 1 << 20, 1000, 100_000, 50);
        try (NioEngineFactory factory = new NioEngineFactory(dir, config)) {
            RecordingSink senderEvents = new RecordingSink();
            RecordingSink receiverEvents = new RecordingSink();
            String phone = "491700000077";
            WaEngine receiver = factory.engine(factory.consumer(phone), stallable, small, receiverEvents);
            WaEngine sender = factory.engine(factory.interop(424242L), shared, base, senderEvents);
            engines.add(receiver);
            engines.add(sender);
            assertEquals(EngineState.Phase.ONLINE, receiver.connect(EngineTestBed.REQUEST).toCompletableFuture()
                    .get(60, TimeUnit.SECONDS).phase());
            assertEquals(EngineState.Phase.ONLINE, sender.connect(EngineTestBed.REQUEST).toCompletableFuture()
                    .get(60, TimeUnit.SECONDS).phase());
            String to = phone + "@s.whatsapp.net";

            gate.close();
            for (int i = 0; i < MESSAGES; i++) {
                SendResult r = sender.sendMessage(to, "M-" + i, TextContent.of("message " + i)).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                assertInstanceOf(SendResult.Accepted.class, r, r.toString()); // the server took it
            }
            waitFor(() -> receiver.metrics().inboundOverflows() >= 1, "the stalled engine never dropped its link");
            Instant dropped = Instant.now();
            EngineMetrics stalled = receiver.metrics();
            assertTrue(stalled.inboundBacklog() <= BOUND, stalled.toString());

            gate.open();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                ids.add(receiverEvents.next(WaEvent.MessageReceived.class).messageId());
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                expected.add("M-" + i);
            }
            assertEquals(expected, ids, "every message once, in order");
            receiverEvents.nextState(EngineState.Phase.ONLINE, dropped); // the reconnect after the dropped link
            // a round trip after the redelivery: nothing more may arrive for the old ids
            assertInstanceOf(SendResult.Accepted.class, sender.sendMessage(to, "M-last", TextContent.of("last"))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertEquals("M-last", receiverEvents.next(WaEvent.MessageReceived.class).messageId());
            assertEquals(MESSAGES + 1, receiverEvents.allOf(WaEvent.MessageReceived.class).size());
            EngineMetrics after = receiver.metrics();
            assertTrue(after.peakQueuedTasks() >= BOUND, after.toString());
            // the redelivered burst may overflow the small bound again: each round makes progress, then it settles
            waitFor(() -> receiver.state().phase() == EngineState.Phase.ONLINE, "the receiver did not settle online");
            stopEngines();
        }
    }

    @Test
    void gatewayCallsPastTheQueueBoundAreRejectedAsRateLimited() throws Exception {
        Gate gate = new Gate(crypto);
        EngineRuntime stallable = new EngineRuntime(io, scheduler, java.time.Clock.systemUTC(), new Random(7), gate);
        EngineSettings base = EngineSettings.defaults().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30));
        EngineSettings small = new EngineSettings(base.connection(), base.ackTimeout(), base.handoffTimeout(),
                BOUND, base.maxPendingHandoffs(), base.deviceCacheSize(), base.deviceCacheTtl(),
                base.maxRetryReceipts(), base.maxRetryAnswers(), base.seenIdsCapacity(), "Busy");
        try (NioEngineFactory factory = new NioEngineFactory(dir, EmulatorConfig.defaults())) {
            WaEngine engine = factory.engine(factory.consumer("491700000078"), stallable, small, new RecordingSink());
            engines.add(engine);
            assertEquals(EngineState.Phase.ONLINE, engine.connect(EngineTestBed.REQUEST).toCompletableFuture()
                    .get(60, TimeUnit.SECONDS).phase());
            gate.close();
            List<CompletableFuture<SendResult>> queued = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i <= BOUND; i++) { // one more than fits (fewer if an inbound stanza is queued too)
                CompletableFuture<SendResult> f = engine.sendPresence(true).toCompletableFuture();
                if (f.isDone()) {
                    SendResult r = f.get();
                    assertEquals(SendResult.Reason.RATE_LIMITED,
                            assertInstanceOf(SendResult.Rejected.class, r, r.toString()).reason());
                    refused++;
                } else {
                    queued.add(f);
                }
            }
            assertTrue(refused >= 1, "nothing was refused with " + engine.metrics().queuedTasks() + " queued");
            assertEquals(refused, engine.metrics().rejectedCalls());
            assertTrue(engine.metrics().queuedTasks() >= BOUND, engine.metrics().toString());
            gate.open();
            for (CompletableFuture<SendResult> f : queued) {
                assertInstanceOf(SendResult.Accepted.class, f.get(30, TimeUnit.SECONDS)); // nothing queued was lost
            }
            assertTrue(engine.metrics().peakQueuedTasks() >= BOUND, engine.metrics().toString());
            stopEngines();
        }
    }

    /** Disconnects the engines while the emulator and loop still run. */
    private void stopEngines() throws Exception {
        for (WaEngine e : engines) {
            e.disconnect().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        engines.clear();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String failure) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.sleep(20);
        }
    }

    /** An executor that holds its tasks while closed and hands them on, in order, when opened: a stalled pool. */
    private static final class Gate implements Executor {
        private final Executor pool;
        private final List<Runnable> held = new ArrayList<>();
        private boolean closed;

        Gate(Executor pool) {
            this.pool = pool;
        }

        @Override
        public void execute(Runnable task) {
            synchronized (held) {
                if (closed) {
                    held.add(task);
                    return;
                }
            }
            pool.execute(task);
        }

        void close() {
            synchronized (held) {
                closed = true;
            }
        }

        void open() {
            List<Runnable> release;
            synchronized (held) {
                closed = false;
                release = new ArrayList<>(held);
                held.clear();
            }
            release.forEach(pool::execute);
        }
    }
}
