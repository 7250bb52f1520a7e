/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.southernstorm.noise.protocol.HandshakeState;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import org.junit.jupiter.api.Test;
import org.wabridge.core.proto.HandshakeProtos.HandshakeMessage;

/**
 * Pins the one deviation from standard Noise (whatsapp-protocol.md §2.4, NOISE16): a stock noise-java XX
 * initiator hashes the empty payload of message 1, our WhatsApp responder does not, so the stock client
 * fails at message 2. Adding exactly that one MixHash on our side makes the stock client succeed, which
 * shows the quirk is the only difference.
 */
class StockNoiseQuirkTest {
    private static final byte[] HEADER = {'W', 'A', 6, 3};
    private final SecureRandom random = new SecureRandom();
    private final TestChains chains = new TestChains(random);

    @Test
    void stockNoiseInitiatorCannotReadWhatsAppServerHello() throws Exception {
        HandshakeState stock = stockInitiator();
        byte[] clientEphemeral = writeStockMessage1(stock);

        NoiseResponder whatsapp = new NoiseResponder(HEADER, chains.serverStatic, X25519.generate(random), chains.certChain);
        whatsapp.readClientHello(HandshakeMessage.newBuilder().setClientHello(HandshakeMessage.ClientHello.newBuilder()
                .setEphemeral(com.google.protobuf.ByteString.copyFrom(clientEphemeral))).build().toByteArray());
        byte[] message2 = raw(HandshakeMessage.parseFrom(whatsapp.serverHello()).getServerHello());

        byte[] out = new byte[message2.length];
        assertThrows(BadPaddingException.class, () -> stock.readMessage(message2, 0, message2.length, out, 0));
    }

    @Test
    void hashingTheEmptyPayloadIsTheOnlyDifference() throws Exception {
        HandshakeState stock = stockInitiator();
        byte[] clientEphemeral = writeStockMessage1(stock);

        // a responder built from our symmetric state, but with standard Noise's MixHash(empty payload)
        X25519KeyPair ephemeral = X25519.generate(random);
        NoiseHandshake standard = NoiseHandshake.start(HEADER);
        standard.mixHash(clientEphemeral);
        standard.mixHash(new byte[0]);
        standard.mixHash(ephemeral.publicKey());
        standard.mixDh(ephemeral, clientEphemeral);
        byte[] encStatic = standard.encryptAndHash(chains.serverStatic.publicKey());
        standard.mixDh(chains.serverStatic, clientEphemeral);
        byte[] encCert = standard.encryptAndHash(chains.certChain);
        ByteArrayOutputStream message2 = new ByteArrayOutputStream();
        message2.writeBytes(ephemeral.publicKey());
        message2.writeBytes(encStatic);
        message2.writeBytes(encCert);
        byte[] bytes = message2.toByteArray();

        byte[] payload = new byte[bytes.length];
        int n = stock.readMessage(bytes, 0, bytes.length, payload, 0);
        assertArrayEquals(chains.certChain, Arrays.copyOf(payload, n));
    }

    private HandshakeState stockInitiator() throws Exception {
        HandshakeState stock = new HandshakeState("Noise_XX_25519_AESGCM_SHA256", HandshakeState.INITIATOR);
        stock.setPrologue(HEADER, 0, HEADER.length);
        stock.getLocalKeyPair().generateKeyPair();
        stock.start();
        return stock;
    }

    private static byte[] writeStockMessage1(HandshakeState stock) throws Exception {
        byte[] message1 = new byte[64];
        int len = stock.writeMessage(message1, 0, new byte[0], 0, 0);
        assertEquals(32, len); // "e" and an empty, unencrypted payload
        return Arrays.copyOf(message1, 32);
    }

    private static byte[] raw(HandshakeMessage.ServerHello hello) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(hello.getEphemeral().toByteArray());
        out.writeBytes(hello.getStatic().toByteArray());
        out.writeBytes(hello.getPayload().toByteArray());
        return out.toByteArray();
    }
}
