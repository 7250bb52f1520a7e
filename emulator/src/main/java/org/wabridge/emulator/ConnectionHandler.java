/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
import org.wabridge.core.transport.FrameTransport;
import org.wabridge.core.transport.TransportException;
import org.wabridge.emulator.auth.LoginRejectedException;

/**
 * Runs one accepted connection: Noise handshake, login, {@code <success>} and offline replay, then the
 * read loop. Anything malformed from the client ends this connection with a stream error; the emulator
 * and its other connections carry on.
 */
final class ConnectionHandler implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private final WaEmulator emulator;
    private final FaultInjectingTransport transport;

    ConnectionHandler(WaEmulator emulator, FrameTransport raw) {
        this.emulator = emulator;
        this.transport = new FaultInjectingTransport(raw);
    }

    @Override
    public void run() {
        ServerHandshaker.Accepted accepted;
        try {
            accepted = emulator.handshaker().handshake(transport);
        } catch (HandshakeException e) {
            LOG.debug("handshake failed: {}", e.getMessage());
            return;
        }
        NoiseSocket socket = accepted.socket();
        ClientPayload payload;
        try {
            payload = ClientPayload.parseFrom(accepted.clientPayload());
        } catch (InvalidProtocolBufferException e) {
            new ClientSession(null, null, socket, transport).endWith(StreamErrorKind.MALFORMED_INPUT);
            return;
        }
        DeviceAddress address;
        try {
            address = emulator.authenticate(payload, accepted.clientStaticKey());
        } catch (LoginRejectedException e) {
            emulator.counters().loginsRefused.incrementAndGet();
            LOG.debug("login refused: {}", e.getMessage());
            sendFailure(socket, e.failure(), payload);
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
        try {
            WaJid lid = WaJid.of(session.address().user(), WaJid.LID_SERVER);
            session.send(ConnectSuccess.of(emulator.clock().instant().getEpochSecond(), lid).toNode());
            if (queue != null) {
                queue.attach(session);
            }
            readLoop(session);
        } finally {
            if (queue != null) {
                queue.detach(session);
            }
            emulator.sessions().unregister(session);
        }
    }

    private void readLoop(ClientSession session) {
        while (session.isOpen()) {
            byte[] frame;
            try {
                frame = session.receive();
            } catch (TransportException e) {
                LOG.debug("connection of {} ended: {}", session.address(), e.getMessage());
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
                emulator.counters().malformedInputs.incrementAndGet();
                session.endWith(StreamErrorKind.MALFORMED_INPUT);
                return;
            } catch (RuntimeException e) {
                LOG.error("bug while handling a stanza from {}", session.address(), e);
                session.endWith(StreamErrorKind.SERVICE_UNAVAILABLE);
                return;
            }
        }
    }
}
