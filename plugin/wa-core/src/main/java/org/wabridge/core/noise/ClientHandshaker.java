/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import java.security.SecureRandom;
import java.util.Objects;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.noise.HandshakeException.Step;
import org.wabridge.core.transport.FrameTransport;
import org.wabridge.core.transport.TransportException;

/**
 * The bridge's driver: walks the client side of XX over a freshly connected {@link FrameTransport}, in spec
 * order, and returns the encrypted {@link NoiseSocket}. Each wait is bounded by the profile's handshake
 * timeout; on any failure the transport is closed and a {@link HandshakeException} names the step.
 */
public final class ClientHandshaker {
    private final ProtocolProfile profile;
    private final X25519KeyPair staticKey;
    private final CertificateChainVerifier verifier;
    private final SecureRandom random;
    private final X25519Engine engine;

    public ClientHandshaker(ProtocolProfile profile, X25519KeyPair staticKey, CertificateChainVerifier verifier,
                            SecureRandom random) {
        this(profile, staticKey, verifier, random, X25519.NOISE_JAVA);
    }

    /** As above, with DH (and ephemeral key generation) computed by {@code engine}. */
    public ClientHandshaker(ProtocolProfile profile, X25519KeyPair staticKey, CertificateChainVerifier verifier,
                            SecureRandom random, X25519Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.staticKey = Objects.requireNonNull(staticKey, "staticKey");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Runs the handshake; {@code clientPayload} is the serialized ClientPayload (login or interop token).
     * The transport must have been opened with this profile's header ({@code ProtocolProfile#header()}).
     */
    public NoiseSocket handshake(FrameTransport transport, byte[] clientPayload) throws HandshakeException {
        try {
            NoiseInitiator initiator = new NoiseInitiator(profile.header(), staticKey,
                    X25519.generate(random, engine), verifier, engine);
            send(transport, initiator.clientHello(), Step.SEND_CLIENT_HELLO);
            byte[] serverHello = receive(transport, Step.RECEIVE_SERVER_HELLO);
            byte[] clientFinish = initiator.clientFinish(serverHello, clientPayload);
            send(transport, clientFinish, Step.SEND_CLIENT_FINISH);
            return new NoiseSocket(transport, initiator.split());
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
            throw new HandshakeException(step, "no message from the server: " + e.getMessage(), e);
        }
    }
}
