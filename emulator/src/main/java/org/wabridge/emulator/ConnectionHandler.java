/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wabridge.core.binary.BinaryDecodeException;
import org.wabridge.core.binary.Node;
import org.wabridge.core.binary.NodeAttributeException;
import org.wabridge.core.binary.NodeFrames;
import org.wabridge.core.jid.WaJid;
import org.wabridge.core.noise.HandshakeException;
import org.wabridge.core.noise.NoiseSocket;
import org.wabridge.core.noise.ServerHandshaker;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;
import org.wabridge.core.stanza.ConnectFailure;
import org.wabridge.core.stanza.ConnectSuccess;
import org.wabridge.core.stanza.FailureReason;
import org.wabridge.core.stanza.StanzaException;
import org.wabridge.core.noise.CorruptFrameException;
import org.wabridge.core.transport.FrameListener;
import org.wabridge.core.transport.FrameTooLargeException;
import org.wabridge.core.transport.InboundQueueFullException;
import org.wabridge.core.transport.PushFrameTransport;
import org.wabridge.core.transport.TransportException;
import org.wabridge.emulator.auth.LoginRejectedException;

/**
 * Runs one accepted connection: Noise handshake and login as one blocking task on a worker (bounded by the
 * handshake timeout), {@code <success>} and offline replay, then frame callbacks: after login no thread waits
 * for this connection. Anything malformed from the client (an undecodable stanza, a frame above the size
 * limit, a frame that fails to decrypt) ends this connection with a stream error; the emulator and its other
 * connections carry on.
 */
final class ConnectionHandler implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private final WaEmulator emulator;
    private final FaultInjectingTransport transport;
    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();

    /** {@code release} is run once when the connection is over (it frees the connection-limit slot). */
    ConnectionHandler(WaEmulator emulator, PushFrameTransport raw, Runnable release) {
        this.emulator = emulator;
        this.transport = new FaultInjectingTransport(raw);
        this.release = release;
    }

    @Override
    public void run() {
        try {
            login();
        } catch (RuntimeException e) {
            LOG.error("bug while logging in a client", e);
            transport.close("emulator bug");
            finished();
        }
    }

    private void finished() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }

    private void login() {
        ServerHandshaker.Accepted accepted;
        try {
            accepted = emulator.handshaker().handshake(transport);
        } catch (HandshakeException e) {
            LOG.debug("handshake failed: {}", e.getMessage());
            finished();
            return;
        }
        NoiseSocket socket = accepted.socket();
        ClientPayload payload;
        try {
            payload = ClientPayload.parseFrom(accepted.clientPayload());
        } catch (InvalidProtocolBufferException e) {
            new ClientSession(null, null, socket, transport).endWith(StreamErrorKind.MALFORMED_INPUT);
            finished();
            return;
        }
        DeviceAddress address;
        try {
            address = emulator.authenticate(payload, accepted.clientStaticKey());
        } catch (LoginRejectedException e) {
            emulator.counters().loginsRefused.incrementAndGet();
            LOG.debug("login refused: {}", e.getMessage());
            sendFailure(socket, e.failure(), payload);
            finished();
            return;
        }
        ClientSession session = new ClientSession(address, payload.getPushName(), socket, transport);
        serve(session);
    }

    /** Temporary bans carry ban code 101 (whatsmeow's first TempBanReason; the interop value is unknown). */
    private void sendFailure(NoiseSocket socket, FailureReason failure, ClientPayload payload) {
        ConnectFailure node = ConnectFailure.of(failure);
        if (failure == FailureReason.TEMP_BANNED) {
            Optional<Instant> until = emulator.directory().bannedUntil(userOf(payload));
            node = ConnectFailure.tempBanned("101", until.map(u ->
                    Math.max(1, Duration.between(emulator.clock().instant(), u).toSeconds())).orElse(1L));
        }
        new ClientSession(null, null, socket, transport).send(node.toNode());
        socket.close("login refused: " + failure);
    }

    static String userOf(ClientPayload payload) {
        return payload.getProduct() == ClientPayload.Product.INTEROP
                ? Long.toUnsignedString(payload.getInteropData().getAccountID())
                : Long.toUnsignedString(payload.getUsername());
    }

    private void serve(ClientSession session) {
        emulator.counters().loginsAccepted.incrementAndGet();
        emulator.sessions().register(session);
        DeviceQueue queue = emulator.directory().queue(session.address().user(), session.address().device());
        WaJid lid = WaJid.of(session.address().user(), WaJid.LID_SERVER);
        session.send(ConnectSuccess.of(emulator.clock().instant().getEpochSecond(), lid).toNode());
        if (queue != null) {
            queue.attach(session);
        }
        session.listen(new SessionFrames(session, queue), emulator.workers());
    }

    /** The logged-in connection's frames, one at a time in order, on a worker. */
    private final class SessionFrames implements FrameListener {
        private final ClientSession session;
        private final DeviceQueue queue;

        SessionFrames(ClientSession session, DeviceQueue queue) {
            this.session = session;
            this.queue = queue;
        }

        @Override
        public void onFrame(byte[] frame) {
            if (!session.isOpen()) {
                return;
            }
            try {
                Node node = NodeFrames.standard().unpack(frame);
                if (node.isStreamEnd()) {
                    session.drop();
                    return;
                }
                emulator.router().handle(session, node);
            } catch (BinaryDecodeException | NodeAttributeException | StanzaException e) {
                LOG.debug("malformed stanza from {}: {}", session.address(), e.getMessage());
                malformed();
            } catch (RuntimeException e) {
                LOG.error("bug while handling a stanza from {}", session.address(), e);
                session.endWith(StreamErrorKind.SERVICE_UNAVAILABLE);
            }
        }

        @Override
        public void onClosed(TransportException cause) {
            if (cause instanceof InboundQueueFullException) {
                emulator.counters().clientsFlooding.incrementAndGet();
            }
            if (session.isOpen() && isMalformedInput(cause)) {
                LOG.debug("malformed input from {}: {}", session.address(), cause.getMessage());
                malformed();
            } else {
                LOG.debug("connection of {} ended: {}", session.address(), cause.getMessage());
                session.drop();
            }
            if (queue != null) {
                queue.detach(session);
            }
            emulator.sessions().unregister(session);
            finished();
        }

        private void malformed() {
            emulator.counters().malformedInputs.incrementAndGet();
            session.endWith(StreamErrorKind.MALFORMED_INPUT);
        }
    }

    /** Input the client got wrong, as opposed to the connection simply ending. */
    private static boolean isMalformedInput(TransportException cause) {
        return cause instanceof FrameTooLargeException || cause instanceof CorruptFrameException
                || cause instanceof InboundQueueFullException;
    }
}
