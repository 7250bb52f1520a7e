/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.bench;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.wabridge.core.ProtocolProfile;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.cert.CertificateIssuer;
import org.wabridge.core.cert.TrustAnchor;
import org.wabridge.core.cert.XEdDsaSigner;
import org.wabridge.core.noise.CipherPair;
import org.wabridge.core.noise.NoiseInitiator;
import org.wabridge.core.noise.NoiseResponder;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519Engine;
import org.wabridge.core.noise.X25519KeyPair;

/** A server identity with its certificate chain and a client, for the Noise benchmarks. */
final class HandshakeFixture {
    static final byte[] PAYLOAD = new byte[120]; // about the size of a ClientPayload with an interop token

    final SecureRandom random;
    final ProtocolProfile profile = ProtocolProfile.defaults();
    final X25519KeyPair serverStatic;
    final X25519KeyPair clientStatic;
    final byte[] certChain;
    final CertificateChainVerifier verifier;
    private final TrustAnchor anchor;
    private final Clock clock;

    HandshakeFixture(SecureRandom random, Clock clock) {
        this.random = random;
        XEdDsaSigner root = XEdDsaSigner.generate(random);
        XEdDsaSigner intermediate = XEdDsaSigner.generate(random);
        serverStatic = X25519.generate(random);
        clientStatic = X25519.generate(random);
        certChain = CertificateIssuer.issueChain(new CertificateIssuer.ChainRequest(root, 0, intermediate, 1,
                serverStatic.publicKey(), 2, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"))).toByteArray();
        anchor = new TrustAnchor(root.curve25519PublicKey(), 0);
        this.clock = clock;
        verifier = new CertificateChainVerifier(anchor, clock);
    }

    /** One complete XX handshake, both roles, including fresh ephemerals and the certificate check. */
    CipherPair[] handshakeInMemory() throws Exception {
        return handshakeInMemory(X25519.NOISE_JAVA);
    }

    CipherPair[] handshakeInMemory(X25519Engine engine) throws Exception {
        return handshakeInMemory(engine, verifier);
    }

    CertificateChainVerifier freshVerifier() {
        return new CertificateChainVerifier(anchor, clock);
    }

    CipherPair[] handshakeInMemory(X25519Engine engine, CertificateChainVerifier verifier) throws Exception {
        byte[] header = profile.header();
        NoiseInitiator client = new NoiseInitiator(header, clientStatic, X25519.generate(random, engine), verifier, engine);
        NoiseResponder server = new NoiseResponder(header, serverStatic, X25519.generate(random, engine), certChain, engine);
        server.readClientHello(client.clientHello());
        server.readClientFinish(client.clientFinish(server.serverHello(), PAYLOAD));
        return new CipherPair[] {client.split(), server.split()};
    }
}
