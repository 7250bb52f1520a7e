/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import java.security.SecureRandom;
import java.util.Objects;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.noise.HandshakeException.Step;
import org.wabridge.core.transport.ConnectionIntro;
import org.wabridge.core.transport.FrameTransport;
import org.wabridge.core.transport.TransportException;

/**
 * The emulator's driver: walks the responder side of XX over an accepted {@link FrameTransport} in spec
 * order. The prologue is the header the client actually sent. The returned session still has to be
 * authenticated by the caller (noise key or interop token in the ClientPayload).
 */
public final class ServerHandshaker {
    private final ProtocolProfile profile;
    private final X25519KeyPair staticKey;
    private final byte[] certChain;
    private final SecureRandom random;
    private final X25519Engine engine;

    /** What the handshake established: the encrypted socket plus who the client claims to be. */
    public record Accepted(NoiseSocket socket, ConnectionIntro intro, byte[] clientStaticKey, byte[] clientPayload) {
    }

    /** {@code certChain} is the serialized CertChain whose leaf certifies {@code staticKey}. */
    public ServerHandshaker(ProtocolProfile profile, X25519KeyPair staticKey, byte[] certChain, SecureRandom random) {
        this(profile, staticKey, certChain, random, X25519.NOISE_JAVA);
    }

    /** As above, with DH (and ephemeral key generation) computed by {@code engine}. */
    public ServerHandshaker(ProtocolProfile profile, X25519KeyPair staticKey, byte[] certChain, SecureRandom random,
                            X25519Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.staticKey = Objects.requireNonNull(staticKey, "staticKey");
        this.certChain = certChain.clone();
        this.random = Objects.requireNonNull(random, "random");
    }

    public Accepted handshake(FrameTransport transport) throws HandshakeException {
        try {
            byte[] clientHello = receive(transport, Step.RECEIVE_CLIENT_HELLO);
            ConnectionIntro intro = transport.peerIntro().orElseThrow(() ->
                    new HandshakeException(Step.RECEIVE_CLIENT_HELLO, "transport did not parse a connection intro"));
            NoiseResponder responder = new NoiseResponder(intro.header(), staticKey,
                    X25519.generate(random, engine), certChain, engine);
            responder.readClientHello(clientHello);
            send(transport, responder.serverHello(), Step.SEND_SERVER_HELLO);
            NoiseResponder.ClientFinish finish = responder.readClientFinish(receive(transport, Step.RECEIVE_CLIENT_FINISH));
            return new Accepted(new NoiseSocket(transport, responder.split()), intro, finish.clientStaticKey(),
                    finish.clientPayload());
        } catch (HandshakeException e) {
            transport.close("handshake failed: " + e.getMessage());
            throw e;
        }
    }

    private static void send(FrameTransport transport, byte[] frame, Step step) throws HandshakeException {
        try {
            transport.send(frame);
        } catch (TransportException e) {
            throw new HandshakeException(step, "could not send: " + e.getMessage(), e);
        }
    }

    private byte[] receive(FrameTransport transport, Step step) throws HandshakeException {
        try {
            return transport.receive(profile.handshakeTimeout());
        } catch (TransportException e) {
            throw new HandshakeException(step, "no message from the client: " + e.getMessage(), e);
        }
    }
}
