/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import com.google.protobuf.ByteString;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.wabridge.core.binary.BinaryDecodeException;
import org.wabridge.core.binary.Node;
import org.wabridge.core.binary.NodeFrames;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.noise.ClientHandshaker;
import org.wabridge.core.noise.NoiseSocket;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519KeyPair;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.proto.ClientPayloadProtos.ClientPayload;
import org.wabridge.core.transport.ConnectionIntro;
import org.wabridge.core.transport.FrameTransport;
import org.wabridge.core.transport.JdkWebSocketTransport;
import org.wabridge.core.transport.TcpTransport;
import org.wabridge.core.transport.TransportException;

/** A minimal bridge-side client for the tests: wa-core's ClientHandshaker over TCP or WS, plus node framing. */
final class TestClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ProtocolProfile PROFILE = ProtocolProfile.defaults().withMaxFrameSize(1 << 20);

    final NoiseSocket socket;
    final FrameTransport transport;

    private TestClient(NoiseSocket socket, FrameTransport transport) {
        this.socket = socket;
        this.transport = transport;
    }

    static ClientPayload interopPayload(long accountId, int device, String token) {
        return ClientPayload.newBuilder().setProduct(ClientPayload.Product.INTEROP).setDevice(device)
                .setPassive(true).setPushName("Bridge user")
                .setInteropData(ClientPayload.InteropData.newBuilder().setAccountID(accountId)
                        .setToken(ByteString.copyFromUtf8(token)))
                .build();
    }

    static ClientPayload consumerPayload(long phone, int device) {
        return ClientPayload.newBuilder().setProduct(ClientPayload.Product.WHATSAPP).setUsername(phone)
                .setDevice(device).setPassive(true).setPushName("Alice").build();
    }

    static TestClient tcp(WaEmulator emulator, ClientPayload payload) throws Exception {
        return tcp(emulator, payload, X25519.generate(RANDOM));
    }

    static TestClient tcp(WaEmulator emulator, ClientPayload payload, X25519KeyPair key) throws Exception {
        return tcp(emulator, payload, key, new ConnectionIntro(null, 6, 3));
    }

    static TestClient tcp(WaEmulator emulator, ClientPayload payload, X25519KeyPair key, ConnectionIntro intro)
            throws Exception {
        TcpTransport t = TcpTransport.connect(emulator.tcpAddress(), intro, PROFILE.maxFrameSize(), WAIT);
        return handshake(emulator, payload, key, t);
    }

    static TestClient ws(WaEmulator emulator, ClientPayload payload) throws Exception {
        JdkWebSocketTransport t = JdkWebSocketTransport.connect(HttpClient.newHttpClient(), emulator.webSocketUri(),
                Map.of(), new ConnectionIntro(null, 6, 3), PROFILE.maxFrameSize(), WAIT);
        return handshake(emulator, payload, X25519.generate(RANDOM), t);
    }

    private static TestClient handshake(WaEmulator emulator, ClientPayload payload, X25519KeyPair key,
                                        FrameTransport t) throws Exception {
        ClientHandshaker hs = new ClientHandshaker(PROFILE, key,
                new CertificateChainVerifier(emulator.trustAnchor(), Clock.systemUTC()), RANDOM);
        return new TestClient(hs.handshake(t, payload.toByteArray()), t);
    }

    Node next() throws TransportException, BinaryDecodeException {
        return NodeFrames.standard().unpack(socket.receive(WAIT));
    }

    /** Next node whose tag is not {@code ib} (skips the offline markers). */
    Node nextNonIb() throws TransportException, BinaryDecodeException {
        while (true) {
            Node n = next();
            if (!n.tag().equals("ib")) {
                return n;
            }
        }
    }

    void send(Node node) throws TransportException {
        socket.send(NodeFrames.standard().pack(node));
    }

    @Override
    public void close() {
        socket.close("test done");
    }
}
