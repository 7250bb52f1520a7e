/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.transport.TransportClosedException;

class AckWaitersTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static Node ack(String cls, String id, String type) {
        Node.Builder b = Node.builder("ack").attr("class", cls).attr("id", id);
        if (type != null) {
            b.attr("type", type);
        }
        return b.build();
    }

    @Test
    void messageAckCompletesTheWaitForItsId() throws Exception {
        AckWaiters waiters = new AckWaiters(scheduler, 10);
        CompletableFuture<Node> wait = waiters.register(AckWaiters.key("message", "m1", Optional.empty()),
                Duration.ofMinutes(1)).orElseThrow();
        assertFalse(waiters.complete(ack("message", "m2", null)), "another id is unmatched");
        Node ack = ack("message", "m1", null);
        assertTrue(waiters.complete(ack));
        assertSame(ack, wait.get(1, TimeUnit.SECONDS));
        assertEquals(0, waiters.size());
    }

    @Test
    void receiptAcksAreTellingTheirTypesApart() throws Exception {
        AckWaiters waiters = new AckWaiters(scheduler, 10);
        CompletableFuture<Node> read = waiters.register(AckWaiters.key("receipt", "m1", Optional.of("read")),
                Duration.ofMinutes(1)).orElseThrow();
        assertFalse(waiters.complete(ack("receipt", "m1", null)), "the delivery receipt's ack is not the read's");
        assertFalse(read.isDone());
        assertTrue(waiters.complete(ack("receipt", "m1", "read")));
        assertTrue(read.isDone());
    }

    @Test
    void unansweredWaitTimesOutAndIsForgotten() {
        AckWaiters waiters = new AckWaiters(scheduler, 10);
        CompletableFuture<Node> wait = waiters.register("k", Duration.ofMillis(10)).orElseThrow();
        ExecutionException e = assertThrows(ExecutionException.class, () -> wait.get(30, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause());
        assertEquals(0, waiters.size());
    }

    @Test
    void boundedAndFailedAllWhenTheConnectionEnds() {
        AckWaiters waiters = new AckWaiters(scheduler, 2);
        CompletableFuture<Node> a = waiters.register("a", Duration.ofMinutes(1)).orElseThrow();
        waiters.register("b", Duration.ofMinutes(1)).orElseThrow();
        assertTrue(waiters.register("c", Duration.ofMinutes(1)).isEmpty(), "a third wait is refused");
        waiters.failAll(new TransportClosedException("gone"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> a.get(1, TimeUnit.SECONDS));
        assertInstanceOf(TransportClosedException.class, e.getCause());
        assertEquals(0, waiters.size());
    }
}
