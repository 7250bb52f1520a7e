/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wabridge.core.binary.Node;
import org.wabridge.core.transport.TransportClosedException;

/** {@link PendingRequests} matching and timeouts, and {@link NodeRouter} dispatch, without a socket. */
class RequestRoutingTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final PendingRequests pending = new PendingRequests(scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static Node iq(String id, String type) {
        return Node.builder("iq").attr("id", id).attr("type", type).build();
    }

    @Test
    void resultsAndErrorsCompleteTheirRequestOnly() throws Exception {
        CompletableFuture<Node> a = pending.register("a", Duration.ofMinutes(1));
        CompletableFuture<Node> b = pending.register("b", Duration.ofMinutes(1));
        Node answer = iq("b", "error");
        assertTrue(pending.complete(answer));
        assertSame(answer, b.get(1, TimeUnit.SECONDS));
        assertFalse(a.isDone());
        assertFalse(pending.complete(iq("b", "result")), "a second answer for b is not matched again");
        assertFalse(pending.complete(iq("a", "get")), "a server-initiated get with a colliding id is routed");
        assertFalse(pending.complete(Node.builder("message").attr("id", "a").build()));
        assertEquals(1, pending.size());
    }

    @Test
    void unansweredRequestTimesOutWithATypedError() {
        CompletableFuture<Node> f = pending.register("slow", Duration.ofMillis(20));
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IqTimeoutException.class, e.getCause());
        assertEquals(0, pending.size());
        assertFalse(pending.complete(iq("slow", "result")));
    }

    @Test
    void closingFailsEverythingOutstanding() {
        CompletableFuture<Node> a = pending.register("a", Duration.ofMinutes(1));
        CompletableFuture<Node> b = pending.register("b", Duration.ofMinutes(1));
        pending.failAll(new TransportClosedException("gone"));
        for (CompletableFuture<Node> f : List.of(a, b)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(1, TimeUnit.SECONDS));
            assertInstanceOf(TransportClosedException.class, e.getCause());
        }
        assertEquals(0, pending.size());
    }

    @Test
    void duplicateIdIsABug() {
        pending.register("x", Duration.ofMinutes(1));
        assertThrows(IllegalStateException.class, () -> pending.register("x", Duration.ofMinutes(1)));
    }

    @Test
    void routerDispatchesByTagAndSurvivesUnknownTagsAndFailingHandlers() {
        List<String> seen = new ArrayList<>();
        NodeRouter router = new NodeRouter(Map.of(
                "receipt", n -> seen.add("receipt " + n.attribute("id")),
                "notification", n -> {
                    throw new IllegalStateException("handler bug");
                }));
        assertTrue(router.route(Node.builder("receipt").attr("id", "r1").build()));
        assertFalse(router.route(Node.of("call")));
        assertTrue(router.route(Node.of("notification")));
        assertTrue(router.route(Node.builder("receipt").attr("id", "r2").build()));
        assertEquals(List.of("receipt r1", "receipt r2"), seen);
    }
}
