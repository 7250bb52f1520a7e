/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames over a non-blocking TCP channel served by a shared {@link NioTransportLoop} (the native-client
 * transport, whatsapp-protocol.md §2.1): no thread of its own. Reads happen on the loop thread and pause
 * while the connection's inbound queue is full (TCP then pushes back on the peer). Sends write straight to
 * the socket from the caller's thread when it accepts them; what it does not accept waits in a write queue
 * bounded by {@link FlowLimits#writeQueueBytes()} and is flushed by the loop.
 */
public final class NioTcpTransport extends CallbackFrameTransport implements NioTransportLoop.Ready {
    private static final Logger LOG = LoggerFactory.getLogger(NioTcpTransport.class);

    private final NioTransportLoop loop;
    private final SocketChannel channel;
    private final int maxFrameSize;
    private final InboundStreamDecoder serverDecoder;
    private final FrameCodec.Decoder clientDecoder;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final Object writeLock = new Object();
    private final ArrayDeque<ByteBuffer> writeQueue = new ArrayDeque<>(2);
    private long queuedBytes;
    private byte[] pendingIntro;
    private volatile SelectionKey key;
    private volatile ConnectionIntro peerIntro;

    private NioTcpTransport(NioTransportLoop loop, SocketChannel channel, int maxFrameSize, byte[] intro,
                            Set<Integer> acceptedDictVersions, FlowLimits limits) {
        super(limits);
        this.loop = loop;
        this.channel = channel;
        this.maxFrameSize = maxFrameSize;
        this.pendingIntro = intro;
        this.serverDecoder = acceptedDictVersions == null ? null
                : new InboundStreamDecoder(acceptedDictVersions, maxFrameSize);
        this.clientDecoder = acceptedDictVersions == null ? FrameCodec.decoder(maxFrameSize) : null;
    }

    static NioTcpTransport client(NioTransportLoop loop, SocketChannel channel, ConnectionIntro intro,
                                  int maxFrameSize, FlowLimits limits) {
        return new NioTcpTransport(loop, channel, maxFrameSize, intro.encode(), null, limits);
    }

    static NioTcpTransport server(NioTransportLoop loop, SocketChannel channel, Set<Integer> dictVersions,
                                  int maxFrameSize, FlowLimits limits) {
        NioTcpTransport t = new NioTcpTransport(loop, channel, maxFrameSize, null, dictVersions, limits);
        t.connected.complete(null);
        return t;
    }

    /** Loop thread: registers for connect completion, or straight for reads once connected. */
    void register(Selector selector, boolean alreadyConnected) {
        try {
            key = channel.register(selector, alreadyConnected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
            if (alreadyConnected) {
                connected.complete(null);
            }
        } catch (ClosedChannelException | RuntimeException e) {
            connected.completeExceptionally(e);
            terminate(new TransportClosedException("could not register with the transport loop: " + e, e));
        }
    }

    CompletableFuture<Void> connected() {
        return connected;
    }

    @Override
    public void ready(SelectionKey k) throws IOException {
        if (k.isConnectable()) {
            try {
                channel.finishConnect();
            } catch (IOException e) {
                connected.completeExceptionally(e);
                terminate(new TransportClosedException("connect failed: " + e.getMessage(), e));
                return;
            }
            k.interestOps(SelectionKey.OP_READ);
            connected.complete(null);
            return;
        }
        if (k.isValid() && k.isWritable()) {
            flushQueued();
        }
        if (k.isValid() && k.isReadable()) {
            read(k);
        }
    }

    private void read(SelectionKey k) throws IOException {
        ByteBuffer buffer = loop.readBuffer;
        buffer.clear();
        int n = channel.read(buffer);
        if (n < 0) {
            try {
                if (serverDecoder != null) {
                    serverDecoder.endOfStream();
                } else {
                    clientDecoder.endOfStream();
                }
                terminate(new TransportClosedException("peer closed the connection"));
            } catch (TruncatedFrameException e) {
                terminate(e);
            }
            return;
        }
        List<byte[]> frames;
        try {
            if (serverDecoder != null) {
                frames = serverDecoder.feed(buffer.array(), 0, n);
                peerIntro = serverDecoder.intro().orElse(null);
            } else {
                frames = clientDecoder.feed(buffer.array(), 0, n);
            }
        } catch (TransportException e) {
            LOG.debug("input from {} refused: {}", remoteAddress(), e.getMessage());
            if (serverDecoder == null) {
                terminate(e); // a client has nothing to answer a broken server stream with
            } else {
                k.interestOps(k.interestOps() & ~SelectionKey.OP_READ);
                inputFailed(e); // the server may answer with a stream error before it closes
            }
            return;
        }
        boolean keepReading = true;
        for (byte[] frame : frames) {
            keepReading &= received(frame);
        }
        if (!keepReading && k.isValid()) {
            k.interestOps(k.interestOps() & ~SelectionKey.OP_READ);
        }
    }

    @Override
    protected void resumeReading() {
        loop.execute(() -> {
            SelectionKey k = key;
            if (k != null && k.isValid() && wantsInput()) {
                k.interestOps(k.interestOps() | SelectionKey.OP_READ);
            }
        });
    }

    @Override
    public void send(byte[] frame) throws TransportException {
        byte[] encoded = FrameCodec.encode(frame, maxFrameSize);
        synchronized (writeLock) {
            ensureOpen();
            ByteBuffer out;
            if (pendingIntro != null) {
                out = ByteBuffer.allocate(pendingIntro.length + encoded.length).put(pendingIntro).put(encoded).flip();
                pendingIntro = null;
            } else {
                out = ByteBuffer.wrap(encoded);
            }
            try {
                if (writeQueue.isEmpty()) {
                    channel.write(out);
                    if (!out.hasRemaining()) {
                        return;
                    }
                }
            } catch (IOException e) {
                close("write failed: " + e.getMessage());
                throw new TransportClosedException("write failed: " + e.getMessage(), e);
            }
            if (queuedBytes + out.remaining() > limits.writeQueueBytes()) {
                String why = "peer is not reading: more than " + limits.writeQueueBytes() + " bytes unsent";
                close(why);
                throw new WriteQueueFullException(why);
            }
            boolean wasEmpty = writeQueue.isEmpty();
            writeQueue.add(out);
            queuedBytes += out.remaining();
            if (wasEmpty) {
                loop.execute(this::wantWrite);
            }
        }
    }

    private void wantWrite() {
        SelectionKey k = key;
        if (k != null && k.isValid()) {
            k.interestOps(k.interestOps() | SelectionKey.OP_WRITE);
        }
    }

    /** Loop thread: writes what the socket takes; stops asking for writability once the queue is empty. */
    private void flushQueued() throws IOException {
        synchronized (writeLock) {
            writeQueued();
            SelectionKey k = key;
            if (writeQueue.isEmpty() && k != null && k.isValid()) {
                k.interestOps(k.interestOps() & ~SelectionKey.OP_WRITE);
            }
        }
    }

    private void writeQueued() throws IOException {
        ByteBuffer head;
        while ((head = writeQueue.peek()) != null) {
            int before = head.remaining();
            channel.write(head);
            queuedBytes -= before - head.remaining();
            if (head.hasRemaining()) {
                return;
            }
            writeQueue.poll();
        }
    }

    @Override
    public void abandon(String reason) {
        connected.completeExceptionally(new TransportClosedException(reason));
        terminate(new TransportClosedException(reason));
    }

    /** Closing: the last frames (e.g. a stream error) get what the socket buffer accepts at once. */
    @Override
    protected void closeResources() {
        synchronized (writeLock) {
            try {
                if (channel.isOpen() && channel.isConnected()) {
                    writeQueued();
                }
            } catch (IOException e) {
                LOG.debug("final flush failed: {}", e.toString());
            }
            writeQueue.clear();
            queuedBytes = 0;
        }
        try {
            channel.close(); // cancels the key; the selector drops it on its next select
        } catch (IOException e) {
            LOG.debug("error closing channel", e);
        }
        if (!loop.inLoop()) {
            loop.execute(() -> { }); // wake the selector so the cancelled key is released promptly
        }
    }

    @Override
    public Optional<ConnectionIntro> peerIntro() {
        return Optional.ofNullable(peerIntro);
    }

    /** Bytes accepted by {@link #send} but not yet written to the socket. */
    public long queuedWriteBytes() {
        synchronized (writeLock) {
            return queuedBytes;
        }
    }

    public InetSocketAddress remoteAddress() {
        try {
            return (InetSocketAddress) channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }
}
