/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.binary.Node;
import org.wabridge.core.binary.NodeFrames;
import org.wabridge.core.noise.NoiseSocket;
import org.wabridge.core.noise.ServerHandshaker;
import org.wabridge.core.noise.TestChains;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;
import org.wabridge.core.transport.TcpTransport;

/**
 * A scripted, single-connection WhatsApp server on loopback for connection tests: real TCP, the project's own
 * Noise responder, then whatever the test's script does with the {@link Session}. Not the emulator.
 */
final class FakeWhatsAppServer implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    /** The server end of one accepted, handshaken connection. */
    static final class Session {
        final NoiseSocket socket;
        final ClientPayload login;
        private final NodeFrames frames = NodeFrames.standard();

        Session(NoiseSocket socket, ClientPayload login) {
            this.socket = socket;
            this.login = login;
        }

        void send(Node node) throws Exception {
            socket.send(frames.pack(node));
        }

        Node receive() throws Exception {
            return frames.unpack(socket.receive(WAIT));
        }

        Node receive(Duration timeout) throws Exception {
            return frames.unpack(socket.receive(timeout));
        }
    }

    @FunctionalInterface
    interface Script<T> {
        T run(Session session) throws Exception;
    }

    private final ServerSocket server;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final ProtocolProfile profile = ProtocolProfile.defaults();
    final TestChains chains;

    FakeWhatsAppServer(TestChains chains) throws Exception {
        this.chains = chains;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Accepts one client, runs the handshake, then the script; the future holds the script's result. */
    <T> Future<T> serveOne(Script<T> script) {
        return thread.submit(() -> {
            TcpTransport transport = TcpTransport.accept(server, Set.of(profile.dictVersion()), profile.maxFrameSize());
            ServerHandshaker.Accepted accepted = new ServerHandshaker(profile, chains.serverStatic, chains.certChain,
                    new SecureRandom()).handshake(transport);
            Session session = new Session(accepted.socket(), ClientPayload.parseFrom(accepted.clientPayload()));
            try {
                return script.run(session);
            } finally {
                session.socket.close("script done");
            }
        });
    }

    @Override
    public void close() throws Exception {
        thread.shutdownNow();
        server.close();
    }
}
