/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.SecureRandom;
import org.wabridge.core.cert.CertificateChainException;

/**
 * Fuzz targets for everything a handshake peer decodes from untrusted bytes: the ClientHello (server
 * side), the ServerHello (client side) and the certificate chain. Only typed exceptions may escape.
 * Without JAZZER_FUZZ the checked-in corpus under {@code HandshakeDecodingFuzzTestInputs/} is replayed.
 */
class HandshakeDecodingFuzzTest {
    private static final byte[] HEADER = {'W', 'A', 6, 3};
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TestChains CHAINS = new TestChains(RANDOM);

    @FuzzTest
    void clientHello(byte[] frame) {
        NoiseResponder server = new NoiseResponder(HEADER, CHAINS.serverStatic, X25519.generate(RANDOM), CHAINS.certChain);
        try {
            server.readClientHello(frame);
            server.serverHello();
            server.readClientFinish(frame);
        } catch (HandshakeException expected) {
            // typed rejection
        }
    }

    @FuzzTest
    void serverHello(byte[] frame) {
        NoiseInitiator client = new NoiseInitiator(HEADER, X25519.generate(RANDOM), X25519.generate(RANDOM),
                CHAINS.verifier());
        client.clientHello();
        try {
            client.clientFinish(frame, new byte[0]);
        } catch (HandshakeException expected) {
            // typed rejection
        }
    }

    @FuzzTest
    void certificateChain(byte[] chain) {
        try {
            CHAINS.verifier().verify(chain, CHAINS.serverStatic.publicKey());
        } catch (CertificateChainException expected) {
            // typed rejection
        }
    }
}
