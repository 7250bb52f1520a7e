/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One selector and one thread that serve every raw-TCP connection of a runtime (a plugin, an emulator): the
 * number of threads stays the same whether 1 or 10,000 connections are open. Create one per JVM or plugin,
 * hand it to {@code TransportConnector.nioTcp}, and {@link #close} it on shutdown, which closes every
 * connection still registered. The loop thread only moves bytes: decoded frames are handed to each
 * connection's own executor (see {@link CallbackFrameTransport}).
 */
public final class NioTransportLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NioTransportLoop.class);
    private static final int READ_BUFFER = 64 * 1024;

    /** What a registered channel does when the selector reports it ready. Runs on the loop thread. */
    interface Ready {
        void ready(SelectionKey key) throws IOException;

        /** The loop is closing or gave up on this channel. */
        void abandon(String reason);
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Shared read buffer: only the loop thread reads, and frames are copied out before the next read. */
    final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER);
    private volatile boolean running = true;

    private NioTransportLoop(String name) throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    /** Opens the selector and starts the loop thread named {@code name}. */
    public static NioTransportLoop start(String name) throws IOException {
        NioTransportLoop loop = new NioTransportLoop(name);
        loop.thread.start();
        return loop;
    }

    /** Client: connects without blocking the loop; the caller waits up to {@code timeout} for the result. */
    public NioTcpTransport connect(InetSocketAddress address, ConnectionIntro intro, int maxFrameSize,
                                   FlowLimits limits, Duration timeout) throws TransportException {
        if (!running) {
            throw new TransportClosedException("the transport loop is closed");
        }
        NioTcpTransport transport;
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            transport = NioTcpTransport.client(this, channel, intro, maxFrameSize, limits);
            channel.configureBlocking(false);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            boolean done = channel.connect(address);
            execute(() -> transport.register(selector, done));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new TransportClosedException("cannot connect to " + address + ": " + e.getMessage(), e);
        }
        try {
            transport.connected().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return transport;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transport.close("interrupted while connecting");
            throw new TransportClosedException("interrupted while connecting to " + address, e);
        } catch (TimeoutException e) {
            transport.close("connect timed out");
            throw new TransportClosedException("connecting to " + address + " timed out after "
                    + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            transport.close("connect failed");
            throw new TransportClosedException("cannot connect to " + address + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /**
     * Server: accepts on {@code bind}; each accepted connection (its intro checked against
     * {@code acceptedDictVersions}) is handed to {@code onAccept} on the loop thread, which must return quickly.
     */
    public Listener listen(InetSocketAddress bind, int backlog, Set<Integer> acceptedDictVersions, int maxFrameSize,
                           FlowLimits limits, Consumer<NioTcpTransport> onAccept) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(bind, backlog);
            server.configureBlocking(false);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        Listener listener = new Listener(server, acceptedDictVersions, maxFrameSize, limits, onAccept);
        execute(() -> {
            try {
                server.register(selector, SelectionKey.OP_ACCEPT, listener);
            } catch (IOException e) {
                listener.abandon("cannot register: " + e.getMessage());
            }
        });
        return listener;
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing channel: {}", e.toString());
            }
        }
    }

    /** Runs {@code task} on the loop thread (soon, after the current select). */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Channels currently registered (connections plus listeners); a metric. */
    public int registeredChannels() {
        try {
            return selector.keys().size();
        } catch (ClosedSelectorException e) {
            return 0;
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void run() {
        try {
            while (running) {
                selector.select();
                runTasks();
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    Ready ready = (Ready) key.attachment();
                    try {
                        if (key.isValid()) {
                            ready.ready(key);
                        }
                    } catch (IOException | RuntimeException e) {
                        LOG.debug("channel failed: {}", e.toString());
                        ready.abandon("I/O error: " + e.getMessage());
                    }
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            LOG.warn("transport loop stopped: {}", e.toString());
        } finally {
            running = false;
            shutDownChannels();
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("transport loop task failed", e);
            }
        }
    }

    private void shutDownChannels() {
        List<Ready> open = new ArrayList<>();
        try {
            for (SelectionKey key : selector.keys()) {
                open.add((Ready) key.attachment());
            }
            selector.close();
        } catch (IOException | ClosedSelectorException e) {
            LOG.debug("closing selector: {}", e.toString());
        }
        for (Ready r : open) {
            r.abandon("transport loop closed");
        }
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run(); // registrations that came too late fail on the closed selector and clean up
        }
    }

    /** Stops the loop and closes every connection and listener still registered. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (!inLoop()) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A listening socket served by this loop. */
    public final class Listener implements Ready, AutoCloseable {
        private final ServerSocketChannel server;
        private final Set<Integer> dictVersions;
        private final int maxFrameSize;
        private final FlowLimits limits;
        private final Consumer<NioTcpTransport> onAccept;
        private final InetSocketAddress address;

        private Listener(ServerSocketChannel server, Set<Integer> dictVersions, int maxFrameSize, FlowLimits limits,
                         Consumer<NioTcpTransport> onAccept) throws IOException {
            this.server = server;
            this.dictVersions = Set.copyOf(dictVersions);
            this.maxFrameSize = maxFrameSize;
            this.limits = limits;
            this.onAccept = onAccept;
            this.address = (InetSocketAddress) server.getLocalAddress();
        }

        public InetSocketAddress address() {
            return address;
        }

        @Override
        public void ready(SelectionKey key) throws IOException {
            SocketChannel channel;
            while ((channel = server.accept()) != null) {
                NioTcpTransport transport;
                try {
                    channel.configureBlocking(false);
                    channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                    transport = NioTcpTransport.server(NioTransportLoop.this, channel, dictVersions, maxFrameSize,
                            limits);
                    transport.register(selector, true);
                } catch (IOException e) {
                    LOG.debug("could not set up an accepted connection: {}", e.toString());
                    channel.close();
                    continue;
                }
                try {
                    onAccept.accept(transport);
                } catch (RuntimeException e) {
                    LOG.error("accept callback failed", e);
                    transport.close("accept callback failed");
                }
            }
        }

        @Override
        public void abandon(String reason) {
            try {
                server.close();
            } catch (IOException e) {
                LOG.debug("closing listener: {}", e.toString());
            }
        }

        /** Stops accepting; connections already accepted stay open. */
        @Override
        public void close() {
            abandon("closed");
            selector.wakeup();
        }
    }
}
