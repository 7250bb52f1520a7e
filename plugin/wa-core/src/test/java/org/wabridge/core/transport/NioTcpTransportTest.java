/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NioTcpTransport} on a real {@link NioTransportLoop} over loopback: order and exactly-once close of push
 * delivery, the switch from blocking receive to push, one thread for many connections, typed write back-pressure,
 * read pausing behind a slow listener, and a server that can still answer after refusing an oversized frame.
 */
class NioTcpTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ConnectionIntro INTRO = new ConnectionIntro(null, 6, 3);
    private static final int MAX_FRAME = 1 << 20;

    private final NioTransportLoop loop = startLoop();
    private final ExecutorService delivery = Executors.newFixedThreadPool(2);
    private final BlockingQueue<NioTcpTransport> accepted = new LinkedBlockingQueue<>();

    static NioTransportLoop startLoop() {
        try {
            return NioTransportLoop.start("test-nio");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void tearDown() {
        loop.close();
        delivery.shutdownNow();
    }

    private NioTransportLoop.Listener listen(FlowLimits limits) throws Exception {
        return loop.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64, Set.of(3), MAX_FRAME,
                limits, accepted::add);
    }

    private NioTcpTransport connect(NioTransportLoop.Listener server, FlowLimits limits) throws Exception {
        return loop.connect(server.address(), INTRO, MAX_FRAME, limits, WAIT);
    }

    private NioTcpTransport nextAccepted() throws InterruptedException {
        NioTcpTransport t = accepted.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(t, "no connection accepted");
        return t;
    }

    private static byte[] frame(int i, int size) {
        return ByteBuffer.allocate(Math.max(4, size)).putInt(i).array();
    }

    /** Records what a listener got; counts close calls so "exactly once" can be asserted. */
    private static class Recorder implements FrameListener {
        final List<byte[]> frames = new CopyOnWriteArrayList<>();
        final AtomicInteger closes = new AtomicInteger();
        final BlockingQueue<TransportException> closed = new LinkedBlockingQueue<>();
        final AtomicInteger concurrent = new AtomicInteger();
        volatile boolean overlapped;

        @Override
        public void onFrame(byte[] frame) {
            if (concurrent.incrementAndGet() > 1) {
                overlapped = true;
            }
            frames.add(frame);
            concurrent.decrementAndGet();
        }

        @Override
        public void onClosed(TransportException cause) {
            closes.incrementAndGet();
            closed.add(cause);
        }

        TransportException awaitClose() throws InterruptedException {
            TransportException cause = closed.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(cause, "listener was not told the connection closed");
            return cause;
        }
    }

    @Test
    void framesArriveInOrderOneAtATimeAndCloseIsReportedOnceAfterTheLast() throws Exception {
        try (NioTransportLoop.Listener server = listen(FlowLimits.defaults())) {
            NioTcpTransport client = connect(server, FlowLimits.defaults());
            client.send(frame(0, 8)); // the intro goes with the first frame
            NioTcpTransport serverSide = nextAccepted();
            Recorder recorder = new Recorder();
            serverSide.listen(recorder, delivery);
            for (int i = 1; i < 2000; i++) {
                client.send(frame(i, 1 + i % 700));
            }
            client.close("done");
            TransportException cause = recorder.awaitClose();
            assertInstanceOf(TransportClosedException.class, cause);
            assertEquals(2000, recorder.frames.size());
            for (int i = 0; i < 2000; i++) {
                assertEquals(i, ByteBuffer.wrap(recorder.frames.get(i)).getInt(), "frame " + i + " out of order");
            }
            assertFalse(recorder.overlapped, "frames of one connection must never be delivered concurrently");
            assertEquals(INTRO, serverSide.peerIntro().orElseThrow());
            Thread.sleep(100); // give a wrong second close a chance to show up
            assertEquals(1, recorder.closes.get());
        }
    }

    @Test
    void blockingReceiveServesTheHandshakeThenListenTakesOverWithoutLosingFrames() throws Exception {
        try (NioTransportLoop.Listener server = listen(FlowLimits.defaults())) {
            NioTcpTransport client = connect(server, FlowLimits.defaults());
            client.send(new byte[] {1});
            client.send(new byte[] {2});
            client.send(new byte[] {3});
            NioTcpTransport serverSide = nextAccepted();
            assertArrayEquals(new byte[] {1}, serverSide.receive(WAIT));
            assertThrows(ReceiveTimeoutException.class, () -> client.receive(Duration.ofMillis(50)));
            Recorder recorder = new Recorder();
            serverSide.listen(recorder, delivery);
            client.send(new byte[] {4});
            client.close("done");
            recorder.awaitClose();
            assertEquals(List.of(2, 3, 4), recorder.frames.stream().map(f -> (int) f[0]).toList());
            assertThrows(IllegalStateException.class, () -> serverSide.receive(WAIT));
            assertThrows(IllegalStateException.class, () -> serverSide.listen(recorder, delivery));
        }
    }

    @Test
    void hundredsOfConnectionsAddNoThreads() throws Exception {
        try (NioTransportLoop.Listener server = listen(FlowLimits.defaults())) {
            int before = Thread.activeCount();
            List<NioTcpTransport> clients = new ArrayList<>();
            List<Recorder> recorders = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                NioTcpTransport c = connect(server, FlowLimits.defaults());
                c.send(frame(i, 4));
                NioTcpTransport s = nextAccepted();
                Recorder r = new Recorder();
                s.listen(r, delivery);
                clients.add(c);
                recorders.add(r);
            }
            assertTrue(Thread.activeCount() - before <= 3, "threads grew from " + before + " to "
                    + Thread.activeCount());
            assertEquals(601, loop.registeredChannels(), "300 clients, 300 accepted, 1 listener");
            for (NioTcpTransport c : clients) {
                c.close("done");
            }
            for (int i = 0; i < recorders.size(); i++) {
                recorders.get(i).awaitClose();
                assertEquals(i, ByteBuffer.wrap(recorders.get(i).frames.get(0)).getInt());
            }
        }
    }

    @Test
    void aPeerThatDoesNotReadFillsTheBoundedWriteQueueAndGetsATypedError() throws Exception {
        try (ServerSocket blackHole = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            FlowLimits small = new FlowLimits(16, 1 << 20, 256 * 1024);
            NioTcpTransport client = loop.connect((InetSocketAddress) blackHole.getLocalSocketAddress(), INTRO,
                    MAX_FRAME, small, WAIT);
            try (Socket ignored = blackHole.accept()) {
                byte[] chunk = new byte[64 * 1024];
                WriteQueueFullException full = null;
                for (int i = 0; i < 10_000 && full == null; i++) { // at most 640 MB: far above any socket buffer
                    try {
                        client.send(chunk);
                        assertTrue(client.queuedWriteBytes() <= small.writeQueueBytes());
                    } catch (WriteQueueFullException e) {
                        full = e;
                    }
                }
                assertNotNull(full, "the write queue never filled");
                assertFalse(client.isOpen(), "a skipped frame would break Noise nonces: the connection closes");
                assertThrows(TransportClosedException.class, () -> client.send(new byte[] {1}));
            }
        }
    }

    @Test
    void aSlowListenerPausesReadingUntilItCatchesUpAndNothingIsLost() throws Exception {
        FlowLimits tight = new FlowLimits(4, 1 << 20, 64L << 20);
        try (NioTransportLoop.Listener server = listen(tight)) {
            NioTcpTransport client = connect(server, new FlowLimits(256, 4L << 20, 64L << 20));
            client.send(frame(0, 4));
            NioTcpTransport serverSide = nextAccepted();
            CountDownLatch release = new CountDownLatch(1);
            Recorder recorder = new Recorder() {
                @Override
                public void onFrame(byte[] frame) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    super.onFrame(frame);
                }
            };
            serverSide.listen(recorder, delivery);
            int sent = 1;
            // the server stops reading after a few frames, so the kernel buffers fill and our queue starts to grow
            while (client.queuedWriteBytes() == 0 && sent < 2000) {
                client.send(frame(sent++, 64 * 1024));
            }
            assertTrue(client.queuedWriteBytes() > 0, "the server never stopped reading");
            release.countDown();
            client.send(frame(sent++, 4));
            while (recorder.frames.size() < sent) {
                Thread.sleep(10);
            }
            for (int i = 0; i < sent; i++) {
                assertEquals(i, ByteBuffer.wrap(recorder.frames.get(i)).getInt());
            }
            client.close("done");
        }
    }

    @Test
    void anOversizedFrameStopsInputButLeavesTheServerAbleToAnswer() throws Exception {
        try (NioTransportLoop.Listener server = listen(FlowLimits.defaults())) {
            NioTcpTransport client = connect(server, FlowLimits.defaults());
            client.send(new byte[] {1});
            NioTcpTransport serverSide = nextAccepted();
            assertArrayEquals(new byte[] {1}, serverSide.receive(WAIT));
            Recorder recorder = new Recorder();
            serverSide.listen(recorder, delivery);
            try (Socket raw = new Socket()) {
                // the same bytes from a raw socket: a header announcing 16 MiB - 1
                raw.connect(server.address());
                raw.getOutputStream().write(new byte[] {'W', 'A', 6, 3, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
                NioTcpTransport rawSide = nextAccepted();
                Recorder rawRecorder = new Recorder();
                rawSide.listen(rawRecorder, delivery);
                assertInstanceOf(FrameTooLargeException.class, rawRecorder.awaitClose());
                assertTrue(rawSide.isOpen(), "still open so the server can send a stream error");
                rawSide.send(new byte[] {9, 9});
                rawSide.close("answered");
                byte[] answer = raw.getInputStream().readNBytes(5);
                assertArrayEquals(new byte[] {0, 0, 2, 9, 9}, answer);
            }
            client.close("done");
            recorder.awaitClose();
        }
    }

    @Test
    void closingTheLoopClosesEveryConnectionAndTellsItsListener() throws Exception {
        NioTransportLoop.Listener server = listen(FlowLimits.defaults());
        NioTcpTransport client = connect(server, FlowLimits.defaults());
        Recorder recorder = new Recorder();
        client.listen(recorder, delivery);
        loop.close();
        assertInstanceOf(TransportClosedException.class, recorder.awaitClose());
        assertFalse(client.isOpen());
        assertFalse(loop.isRunning());
        assertThrows(TransportException.class, () -> client.send(new byte[] {1}));
        assertThrows(TransportClosedException.class, () -> connect(server, FlowLimits.defaults()));
    }

    @Test
    void connectingToAClosedPortFailsWithATypedError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThrows(TransportClosedException.class, () -> loop.connect(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), INTRO, MAX_FRAME, FlowLimits.defaults(),
                WAIT));
    }
}
