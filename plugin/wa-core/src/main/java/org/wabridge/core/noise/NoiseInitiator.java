/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import com.google.protobuf.ByteString;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import org.wabridge.core.cert.CertificateChainException;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.noise.HandshakeException.Step;
import org.wabridge.core.proto.HandshakeProtos.HandshakeMessage;

/**
 * The client (initiator) side of WhatsApp's XX handshake as pure message processing, no I/O
 * (whatsapp-protocol.md §2.5): {@link #clientHello()}, then {@link #clientFinish} for the server's reply,
 * then {@link #split()}. {@link ClientHandshaker} runs it over a transport. One use only.
 */
public final class NoiseInitiator {
    private final NoiseHandshake noise;
    private final X25519KeyPair staticKey;
    private final X25519KeyPair ephemeral;
    private final CertificateChainVerifier verifier;
    private byte[] serverStatic;

    /** {@code prologue} is the 4-byte {@code WA} header the transport sends. */
    public NoiseInitiator(byte[] prologue, X25519KeyPair staticKey, X25519KeyPair ephemeral,
                          CertificateChainVerifier verifier) {
        this(prologue, staticKey, ephemeral, verifier, X25519.NOISE_JAVA);
    }

    /** As above, with DH computed by {@code engine}. */
    public NoiseInitiator(byte[] prologue, X25519KeyPair staticKey, X25519KeyPair ephemeral,
                          CertificateChainVerifier verifier, X25519Engine engine) {
        this.noise = NoiseHandshake.start(prologue, engine);
        this.staticKey = Objects.requireNonNull(staticKey, "staticKey");
        this.ephemeral = Objects.requireNonNull(ephemeral, "ephemeral");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** Message 1, {@code -> e}: the ephemeral key in clear; its empty payload is not hashed (the quirk). */
    public byte[] clientHello() {
        noise.mixHash(ephemeral.publicKeyNoCopy());
        return HandshakeMessage.newBuilder()
                .setClientHello(HandshakeMessage.ClientHello.newBuilder()
                        .setEphemeral(ByteString.copyFrom(ephemeral.publicKeyNoCopy())))
                .build().toByteArray();
    }

    /**
     * Reads message 2 ({@code <- e, ee, s, es} + certificate chain), verifies the chain, and returns
     * message 3 ({@code -> s, se} + {@code clientPayload}, a serialized ClientPayload).
     */
    public byte[] clientFinish(byte[] serverHelloFrame, byte[] clientPayload) throws HandshakeException {
        HandshakeMessage message = HandshakeMessages.parse(serverHelloFrame, Step.RECEIVE_SERVER_HELLO);
        if (!message.hasServerHello()) {
            throw new HandshakeException(Step.RECEIVE_SERVER_HELLO, "HandshakeMessage has no serverHello");
        }
        HandshakeMessage.ServerHello hello = message.getServerHello();
        byte[] serverEphemeral = HandshakeMessages.exactly(hello.hasEphemeral(), hello.getEphemeral(),
                X25519.KEY_SIZE, "serverHello.ephemeral", Step.RECEIVE_SERVER_HELLO);
        byte[] encryptedStatic = HandshakeMessages.exactly(hello.hasStatic(), hello.getStatic(),
                HandshakeMessages.ENCRYPTED_KEY_SIZE, "serverHello.static", Step.RECEIVE_SERVER_HELLO);
        if (!hello.hasPayload()) {
            throw new HandshakeException(Step.RECEIVE_SERVER_HELLO, "serverHello.payload (certificate) is missing");
        }

        noise.mixHash(serverEphemeral);
        mixDh(serverEphemeral, ephemeral, Step.RECEIVE_SERVER_HELLO);
        try {
            serverStatic = noise.decryptAndHash(encryptedStatic);
        } catch (AEADBadTagException e) {
            throw new HandshakeException(Step.DECRYPT_SERVER_STATIC, "server static key failed authentication", e);
        }
        mixDh(serverStatic, ephemeral, Step.DECRYPT_SERVER_STATIC);
        byte[] certChain;
        try {
            certChain = noise.decryptAndHash(hello.getPayload().toByteArray());
        } catch (AEADBadTagException e) {
            throw new HandshakeException(Step.DECRYPT_CERTIFICATE, "certificate payload failed authentication", e);
        }
        try {
            verifier.verify(certChain, serverStatic);
        } catch (CertificateChainException e) {
            throw new HandshakeException(Step.VERIFY_CERTIFICATE, e.getMessage(), e);
        }

        byte[] encryptedOwnStatic = noise.encryptAndHash(staticKey.publicKeyNoCopy());
        mixDh(serverEphemeral, staticKey, Step.SEND_CLIENT_FINISH);
        byte[] encryptedPayload = noise.encryptAndHash(clientPayload);
        return HandshakeMessage.newBuilder()
                .setClientFinish(HandshakeMessage.ClientFinish.newBuilder()
                        .setStatic(ByteString.copyFrom(encryptedOwnStatic))
                        .setPayload(ByteString.copyFrom(encryptedPayload)))
                .build().toByteArray();
    }

    /** The server's static key, once message 2 has been read. */
    public byte[] serverStaticKey() {
        return serverStatic == null ? null : serverStatic.clone();
    }

    /** Transport ciphers after message 3: the client writes with HKDF bytes 0–31. */
    public CipherPair split() {
        return noise.split(true);
    }

    /** The handshake hash; equal on both sides after a successful handshake. */
    public byte[] handshakeHash() {
        return noise.handshakeHash();
    }

    private void mixDh(byte[] peer, X25519KeyPair own, Step step) throws HandshakeException {
        try {
            noise.mixDh(own, peer);
        } catch (X25519.WeakKeyException e) {
            throw new HandshakeException(step, e.getMessage(), e);
        }
    }
}
