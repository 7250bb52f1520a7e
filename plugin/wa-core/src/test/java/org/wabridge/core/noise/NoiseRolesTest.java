/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.wabridge.core.cert.CertificateChainException;
import org.wabridge.core.noise.HandshakeException.Step;
import org.wabridge.core.proto.HandshakeProtos.HandshakeMessage;

/** Initiator and responder driven against each other in memory, including the ways a handshake must fail. */
class NoiseRolesTest {
    private static final byte[] HEADER = {'W', 'A', 6, 3};
    private final SecureRandom random = new SecureRandom();
    private final TestChains chains = new TestChains(random);
    private final X25519KeyPair clientStatic = X25519.generate(random);

    private NoiseInitiator initiator(byte[] prologue) {
        return new NoiseInitiator(prologue, clientStatic, X25519.generate(random), chains.verifier());
    }

    private NoiseResponder responder(byte[] prologue) {
        return new NoiseResponder(prologue, chains.serverStatic, X25519.generate(random), chains.certChain);
    }

    @Test
    void bothRolesAgreeAndTransportWorksBothWays() throws Exception {
        // Given a client and a server
        NoiseInitiator client = initiator(HEADER);
        NoiseResponder server = responder(HEADER);
        byte[] payload = "login".getBytes(StandardCharsets.UTF_8);

        // When they run XX
        server.readClientHello(client.clientHello());
        byte[] finish = client.clientFinish(server.serverHello(), payload);
        NoiseResponder.ClientFinish received = server.readClientFinish(finish);

        // Then both learned each other's static key, the hashes agree, and the ciphers pair up
        assertArrayEquals(clientStatic.publicKey(), received.clientStaticKey());
        assertArrayEquals(chains.serverStatic.publicKey(), client.serverStaticKey());
        assertArrayEquals(payload, received.clientPayload());
        assertArrayEquals(client.handshakeHash(), server.handshakeHash());
        CipherPair c = client.split();
        CipherPair s = server.split();
        for (int i = 0; i < 5; i++) {
            byte[] up = ("up " + i).getBytes(StandardCharsets.UTF_8);
            byte[] down = ("down " + i).getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(up, s.read().decrypt(c.write().encrypt(up)));
            assertArrayEquals(down, c.read().decrypt(s.write().encrypt(down)));
        }
        assertEquals(5, c.write().counter());
        assertEquals(5, c.read().counter());
    }

    @Test
    void differentProloguesFailWhenTheServerStaticIsDecrypted() throws Exception {
        NoiseInitiator client = initiator(HEADER);
        NoiseResponder server = responder(new byte[] {'W', 'A', 5, 3});
        server.readClientHello(client.clientHello());
        HandshakeException e = assertThrows(HandshakeException.class,
                () -> client.clientFinish(server.serverHello(), new byte[0]));
        assertEquals(Step.DECRYPT_SERVER_STATIC, e.step());
    }

    @Test
    void tamperedServerHelloCertificateFailsAuthentication() throws Exception {
        NoiseInitiator client = initiator(HEADER);
        NoiseResponder server = responder(HEADER);
        server.readClientHello(client.clientHello());
        HandshakeMessage hello = HandshakeMessage.parseFrom(server.serverHello());
        byte[] cert = hello.getServerHello().getPayload().toByteArray();
        cert[5] ^= 1;
        byte[] tampered = hello.toBuilder().setServerHello(hello.getServerHello().toBuilder()
                .setPayload(ByteString.copyFrom(cert))).build().toByteArray();
        HandshakeException e = assertThrows(HandshakeException.class, () -> client.clientFinish(tampered, new byte[0]));
        assertEquals(Step.DECRYPT_CERTIFICATE, e.step());
    }

    @Test
    void certificateProblemsSurfaceAtVerifyStepWithTheirType() throws Exception {
        // Given a client whose clock is past the chain's notAfter
        Clock late = Clock.fixed(TestChains.NOT_AFTER.plusSeconds(1), ZoneOffset.UTC);
        NoiseInitiator client = new NoiseInitiator(HEADER, clientStatic, X25519.generate(random), chains.verifier(late));
        NoiseResponder server = responder(HEADER);
        server.readClientHello(client.clientHello());
        HandshakeException e = assertThrows(HandshakeException.class,
                () -> client.clientFinish(server.serverHello(), new byte[0]));
        assertEquals(Step.VERIFY_CERTIFICATE, e.step());
        assertInstanceOf(CertificateChainException.Expired.class, e.getCause());
    }

    @Test
    void serverWithAnotherStaticKeyThanItsLeafIsRefused() throws Exception {
        // Given a server that presents a valid chain for a different static key
        NoiseInitiator client = initiator(HEADER);
        NoiseResponder impostor = new NoiseResponder(HEADER, X25519.generate(random), X25519.generate(random),
                chains.certChain);
        impostor.readClientHello(client.clientHello());
        HandshakeException e = assertThrows(HandshakeException.class,
                () -> client.clientFinish(impostor.serverHello(), new byte[0]));
        assertInstanceOf(CertificateChainException.LeafKeyMismatch.class, e.getCause());
    }

    @Test
    void tamperedClientFinishIsRejectedByTheServer() throws Exception {
        NoiseInitiator client = initiator(HEADER);
        NoiseResponder server = responder(HEADER);
        server.readClientHello(client.clientHello());
        byte[] finish = client.clientFinish(server.serverHello(), "p".getBytes(StandardCharsets.UTF_8));
        HandshakeMessage parsed = HandshakeMessage.parseFrom(finish);
        byte[] payload = parsed.getClientFinish().getPayload().toByteArray();
        payload[0] ^= (byte) 0x80;
        byte[] tampered = parsed.toBuilder().setClientFinish(parsed.getClientFinish().toBuilder()
                .setPayload(ByteString.copyFrom(payload))).build().toByteArray();
        HandshakeException e = assertThrows(HandshakeException.class, () -> server.readClientFinish(tampered));
        assertEquals(Step.DECRYPT_CLIENT_PAYLOAD, e.step());
    }

    @Test
    void malformedHandshakeMessagesGetTypedErrors() {
        NoiseResponder server = responder(HEADER);
        assertEquals(Step.RECEIVE_CLIENT_HELLO, assertThrows(HandshakeException.class,
                () -> server.readClientHello(new byte[] {(byte) 0xFF, 0x01})).step());
        byte[] shortKey = HandshakeMessage.newBuilder().setClientHello(HandshakeMessage.ClientHello.newBuilder()
                .setEphemeral(ByteString.copyFrom(new byte[31]))).build().toByteArray();
        HandshakeException e = assertThrows(HandshakeException.class, () -> server.readClientHello(shortKey));
        assertTrue(e.getMessage().contains("31 bytes"), e.getMessage());
        byte[] serverHelloInstead = HandshakeMessage.newBuilder().setServerHello(
                HandshakeMessage.ServerHello.getDefaultInstance()).build().toByteArray();
        assertThrows(HandshakeException.class, () -> server.readClientHello(serverHelloInstead));
    }

    @Test
    void smallOrderEphemeralIsRefused() throws Exception {
        // Given a client hello carrying u = 0, a point of small order
        byte[] zeroKey = HandshakeMessage.newBuilder().setClientHello(HandshakeMessage.ClientHello.newBuilder()
                .setEphemeral(ByteString.copyFrom(new byte[32]))).build().toByteArray();
        NoiseResponder server = responder(HEADER);
        server.readClientHello(zeroKey);
        HandshakeException e = assertThrows(HandshakeException.class, server::serverHello);
        assertInstanceOf(X25519.WeakKeyException.class, e.getCause());
    }

    @Test
    void aCorruptTransportFramePoisonsTheCipher() throws Exception {
        NoiseInitiator client = initiator(HEADER);
        NoiseResponder server = responder(HEADER);
        server.readClientHello(client.clientHello());
        server.readClientFinish(client.clientFinish(server.serverHello(), new byte[0]));
        CipherPair c = client.split();
        CipherPair s = server.split();
        byte[] frame = c.write().encrypt(new byte[] {1, 2, 3});
        frame[frame.length - 1] ^= 1;
        assertThrows(CorruptFrameException.class, () -> s.read().decrypt(frame));
        assertTrue(s.read().isPoisoned());
        // even a good frame is refused afterwards: the counters no longer line up
        byte[] good = c.write().encrypt(new byte[] {4});
        assertThrows(CorruptFrameException.class, () -> s.read().decrypt(good));
        assertFalse(c.write().isPoisoned());
    }

    @Test
    void keyPairsAreClampedAndRedacted() {
        X25519KeyPair pair = X25519.fromPrivateKey(new byte[] {
            -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
            -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1});
        byte[] priv = pair.privateKey();
        assertEquals(0, priv[0] & 7);
        assertEquals(0x40, priv[31] & 0xC0);
        assertFalse(pair.toString().contains(java.util.HexFormat.of().formatHex(priv)));
    }
}
