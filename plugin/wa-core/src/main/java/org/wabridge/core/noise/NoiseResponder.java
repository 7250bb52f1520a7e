/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import com.google.protobuf.ByteString;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import org.wabridge.core.noise.HandshakeException.Step;
import org.wabridge.core.proto.HandshakeProtos.HandshakeMessage;

/**
 * The server (responder) side of WhatsApp's XX handshake as pure message processing, for the emulator
 * (whatsapp-protocol.md §9.1): {@link #readClientHello}, {@link #serverHello()}, {@link #readClientFinish},
 * {@link #split()}. Authentication of the client payload is left to the caller. One use only.
 */
public final class NoiseResponder {
    private final NoiseHandshake noise;
    private final X25519KeyPair staticKey;
    private final X25519KeyPair ephemeral;
    private final byte[] certChain;
    private byte[] clientEphemeral;

    /** What message 3 carried: the client's static key and its (still serialized) ClientPayload. */
    public record ClientFinish(byte[] clientStaticKey, byte[] clientPayload) {
    }

    /** {@code prologue} is the 4-byte header the client sent; {@code certChain} a serialized CertChain. */
    public NoiseResponder(byte[] prologue, X25519KeyPair staticKey, X25519KeyPair ephemeral, byte[] certChain) {
        this(prologue, staticKey, ephemeral, certChain, X25519.NOISE_JAVA);
    }

    /** As above, with DH computed by {@code engine}. */
    public NoiseResponder(byte[] prologue, X25519KeyPair staticKey, X25519KeyPair ephemeral,
                          byte[] certChain, X25519Engine engine) {
        this.noise = NoiseHandshake.start(prologue, engine);
        this.staticKey = Objects.requireNonNull(staticKey, "staticKey");
        this.ephemeral = Objects.requireNonNull(ephemeral, "ephemeral");
        this.certChain = certChain.clone();
    }

    /** Message 1: records and hashes the client's ephemeral key; any payload must be empty (no IK here). */
    public void readClientHello(byte[] frame) throws HandshakeException {
        HandshakeMessage message = HandshakeMessages.parse(frame, Step.RECEIVE_CLIENT_HELLO);
        if (!message.hasClientHello()) {
            throw new HandshakeException(Step.RECEIVE_CLIENT_HELLO, "HandshakeMessage has no clientHello");
        }
        HandshakeMessage.ClientHello hello = message.getClientHello();
        clientEphemeral = HandshakeMessages.exactly(hello.hasEphemeral(), hello.getEphemeral(), X25519.KEY_SIZE,
                "clientHello.ephemeral", Step.RECEIVE_CLIENT_HELLO);
        if (hello.hasStatic() || hello.hasPayload()) {
            throw new HandshakeException(Step.RECEIVE_CLIENT_HELLO,
                    "clientHello carries static/payload (IK is not supported; use XX)");
        }
        noise.mixHash(clientEphemeral);
    }

    /** Message 2, {@code <- e, ee, s, es} with the encrypted certificate chain as payload. */
    public byte[] serverHello() throws HandshakeException {
        if (clientEphemeral == null) {
            throw new IllegalStateException("readClientHello first");
        }
        noise.mixHash(ephemeral.publicKeyNoCopy());
        mixDh(clientEphemeral, ephemeral, Step.SEND_SERVER_HELLO);
        byte[] encryptedStatic = noise.encryptAndHash(staticKey.publicKeyNoCopy());
        mixDh(clientEphemeral, staticKey, Step.SEND_SERVER_HELLO);
        byte[] encryptedCert = noise.encryptAndHash(certChain);
        return HandshakeMessage.newBuilder()
                .setServerHello(HandshakeMessage.ServerHello.newBuilder()
                        .setEphemeral(ByteString.copyFrom(ephemeral.publicKeyNoCopy()))
                        .setStatic(ByteString.copyFrom(encryptedStatic))
                        .setPayload(ByteString.copyFrom(encryptedCert)))
                .build().toByteArray();
    }

    /** Message 3, {@code -> s, se} + payload: decrypts the client's static key and its ClientPayload bytes. */
    public ClientFinish readClientFinish(byte[] frame) throws HandshakeException {
        HandshakeMessage message = HandshakeMessages.parse(frame, Step.RECEIVE_CLIENT_FINISH);
        if (!message.hasClientFinish()) {
            throw new HandshakeException(Step.RECEIVE_CLIENT_FINISH, "HandshakeMessage has no clientFinish");
        }
        HandshakeMessage.ClientFinish finish = message.getClientFinish();
        byte[] encryptedStatic = HandshakeMessages.exactly(finish.hasStatic(), finish.getStatic(),
                HandshakeMessages.ENCRYPTED_KEY_SIZE, "clientFinish.static", Step.RECEIVE_CLIENT_FINISH);
        if (!finish.hasPayload()) {
            throw new HandshakeException(Step.RECEIVE_CLIENT_FINISH, "clientFinish.payload is missing");
        }
        byte[] clientStatic;
        try {
            clientStatic = noise.decryptAndHash(encryptedStatic);
        } catch (AEADBadTagException e) {
            throw new HandshakeException(Step.DECRYPT_CLIENT_STATIC, "client static key failed authentication", e);
        }
        mixDh(clientStatic, ephemeral, Step.DECRYPT_CLIENT_STATIC);
        try {
            byte[] payload = noise.decryptAndHash(finish.getPayload().toByteArray());
            return new ClientFinish(clientStatic, payload);
        } catch (AEADBadTagException e) {
            throw new HandshakeException(Step.DECRYPT_CLIENT_PAYLOAD, "client payload failed authentication", e);
        }
    }

    /** Transport ciphers: the server writes with HKDF bytes 32–63 and reads with 0–31. */
    public CipherPair split() {
        return noise.split(false);
    }

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
