/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void tasksRunOneAtATimeInSubmissionOrderOnAWidePool() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        List<Integer> seen = new ArrayList<>(); // unsynchronized on purpose: only one task may run at a time
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1000);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            serial.execute(() -> {
                if (running.incrementAndGet() > 1) {
                    overlap.incrementAndGet();
                }
                seen.add(n);
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(0, overlap.get());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void aThrowingTaskDoesNotStopTheQueue() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        CountDownLatch after = new CountDownLatch(1);
        serial.execute(() -> {
            throw new IllegalStateException("boom");
        });
        serial.execute(after::countDown);
        assertTrue(after.await(30, TimeUnit.SECONDS));
    }

    @Test
    void twoQueuesOnOnePoolDoNotBlockEachOther() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor busy = new SerialExecutor(single);
            SerialExecutor other = new SerialExecutor(single);
            CountDownLatch otherRan = new CountDownLatch(1);
            AtomicInteger busyCount = new AtomicInteger();
            for (int i = 0; i < 500; i++) {
                busy.execute(busyCount::incrementAndGet);
            }
            other.execute(otherRan::countDown);
            assertTrue(otherRan.await(30, TimeUnit.SECONDS));
            CountDownLatch end = new CountDownLatch(1);
            busy.execute(end::countDown);
            assertTrue(end.await(30, TimeUnit.SECONDS));
            assertEquals(500, busyCount.get());
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void peakQueuedRemembersTheLongestBacklogAfterItDrains() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(11);
        serial.execute(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
        });
        for (int i = 0; i < 10; i++) {
            serial.execute(done::countDown); // all wait behind the blocked first task
        }
        assertTrue(serial.queued() >= 10, "queued " + serial.queued());
        release.countDown();
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertTrue(serial.peakQueued() >= 10 && serial.peakQueued() <= 11, "peak " + serial.peakQueued());
        CountDownLatch last = new CountDownLatch(1);
        serial.execute(last::countDown);
        assertTrue(last.await(30, TimeUnit.SECONDS));
        assertEquals(0, serial.queued());
        assertTrue(serial.peakQueued() >= 10, "the peak is a high-water mark, not the current length");
    }
}
