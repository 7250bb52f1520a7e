/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.signal.libsignal.protocol.ecc.Curve;
import org.signal.libsignal.protocol.ecc.ECKeyPair;
import org.signal.libsignal.protocol.ecc.ECPublicKey;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.cert.CertificateIssuer;
import org.wabridge.core.cert.TrustAnchor;
import org.wabridge.core.cert.XEdDsa;
import org.wabridge.core.cert.XEdDsaSigner;
import org.wabridge.core.noise.NoiseInitiator;
import org.wabridge.core.noise.NoiseResponder;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519Engine;
import org.wabridge.core.noise.X25519KeyPair;
import org.wabridge.core.proto.CertProtos.CertChain;
import org.wabridge.core.proto.CertProtos.CertChain.NoiseCertificate;

/**
 * wa-core verifies and issues XEdDSA signatures with the JDK's Ed25519 alone; this proves the result is
 * interchangeable with libsignal's XEdDSA (the scheme WhatsApp's certificates use), in both directions,
 * and that wa-core's X25519 agrees with libsignal's.
 */
class XeddsaCompatibilityTest {
    private static final int ROUNDS = 40; // enough keys to hit both x-sign values many times
    private final SecureRandom random = new SecureRandom();

    @Test
    void libsignalAcceptsSignaturesIssuedByWaCore() throws Exception {
        int oddSignBits = 0;
        for (int i = 0; i < ROUNDS; i++) {
            XEdDsaSigner signer = XEdDsaSigner.generate(random);
            byte[] message = message(i);
            byte[] signature = signer.sign(message);
            oddSignBits += (signature[63] & 0x80) != 0 ? 1 : 0;
            ECPublicKey key = ECPublicKey.fromPublicKeyBytes(signer.curve25519PublicKey());
            assertTrue(key.verifySignature(message, signature), "round " + i);
            assertFalse(key.verifySignature(message(i + 1), signature), "round " + i);
        }
        assertTrue(oddSignBits > 0 && oddSignBits < ROUNDS, "both sign-bit cases exercised: " + oddSignBits);
    }

    @Test
    void waCoreAcceptsSignaturesMadeByLibsignal() {
        for (int i = 0; i < ROUNDS; i++) {
            ECKeyPair pair = Curve.generateKeyPair();
            byte[] message = message(i);
            byte[] signature = pair.getPrivateKey().calculateSignature(message);
            byte[] publicKey = pair.getPublicKey().getPublicKeyBytes();
            assertTrue(XEdDsa.verify(publicKey, message, signature), "round " + i);
            assertFalse(XEdDsa.verify(publicKey, message(i + 1), signature), "round " + i);
            byte[] flipped = signature.clone();
            flipped[63] ^= (byte) 0x80;
            assertFalse(XEdDsa.verify(publicKey, message, flipped), "round " + i);
        }
    }

    @Test
    void chainSignedWithLibsignalKeysVerifiesInWaCore() throws Exception {
        // Given root and intermediate keys that live in libsignal, as a real WhatsApp chain would
        ECKeyPair root = Curve.generateKeyPair();
        ECKeyPair intermediate = Curve.generateKeyPair();
        byte[] serverStatic = X25519.generate(random).publicKey();
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant until = Instant.parse("2027-01-01T00:00:00Z");
        byte[] intermediateDetails = CertificateIssuer.details(5, 0,
                intermediate.getPublicKey().getPublicKeyBytes(), from, until).toByteArray();
        byte[] leafDetails = CertificateIssuer.details(6, 5, serverStatic, from, until).toByteArray();
        CertChain chain = CertChain.newBuilder()
                .setIntermediate(NoiseCertificate.newBuilder().setDetails(ByteString.copyFrom(intermediateDetails))
                        .setSignature(ByteString.copyFrom(root.getPrivateKey().calculateSignature(intermediateDetails))))
                .setLeaf(NoiseCertificate.newBuilder().setDetails(ByteString.copyFrom(leafDetails))
                        .setSignature(ByteString.copyFrom(intermediate.getPrivateKey().calculateSignature(leafDetails))))
                .build();
        // When wa-core verifies it against the configured root
        CertificateChainVerifier verifier = new CertificateChainVerifier(
                new TrustAnchor(root.getPublicKey().getPublicKeyBytes(), 0),
                Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC));
        // Then it is accepted
        assertEquals(6, verifier.verify(chain.toByteArray(), serverStatic).leafSerial());
    }

    @Test
    void x25519AgreesWithLibsignal() throws Exception {
        for (int i = 0; i < 8; i++) {
            ECKeyPair theirs = Curve.generateKeyPair();
            X25519KeyPair ours = X25519.fromPrivateKey(theirs.getPrivateKey().serialize());
            assertArrayEquals(theirs.getPublicKey().getPublicKeyBytes(), ours.publicKey());
            ECKeyPair peer = Curve.generateKeyPair();
            assertArrayEquals(Curve.calculateAgreement(ECPublicKey.fromPublicKeyBytes(ours.publicKey()),
                    peer.getPrivateKey()), X25519.agree(ours, peer.getPublicKey().getPublicKeyBytes()));
        }
    }

    @Test
    void handshakeWithLibsignalCurveOnOneSideInteroperates() throws Exception {
        // Given a server on wa-core's default curve and a client computing DH with libsignal's native curve
        X25519Engine nativeCurve = LibsignalX25519Engine.INSTANCE;
        XEdDsaSigner root = XEdDsaSigner.generate(random);
        XEdDsaSigner intermediate = XEdDsaSigner.generate(random);
        X25519KeyPair serverStatic = X25519.generate(random);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        byte[] chain = CertificateIssuer.issueChain(new CertificateIssuer.ChainRequest(root, 0, intermediate, 1,
                serverStatic.publicKey(), 2, from, from.plusSeconds(86_400))).toByteArray();
        CertificateChainVerifier verifier = new CertificateChainVerifier(
                new TrustAnchor(root.curve25519PublicKey(), 0), Clock.fixed(from.plusSeconds(60), ZoneOffset.UTC));
        byte[] header = {'W', 'A', 6, 3};
        NoiseInitiator client = new NoiseInitiator(header, X25519.generate(random, nativeCurve),
                X25519.generate(random, nativeCurve), verifier, nativeCurve);
        NoiseResponder server = new NoiseResponder(header, serverStatic, X25519.generate(random), chain);

        // When they run the handshake
        server.readClientHello(client.clientHello());
        server.readClientFinish(client.clientFinish(server.serverHello(), new byte[] {1}));

        // Then they agree on the transcript and the transport keys
        assertArrayEquals(client.handshakeHash(), server.handshakeHash());
        byte[] frame = {7, 7, 7};
        assertArrayEquals(frame, server.split().read().decrypt(client.split().write().encrypt(frame)));
    }

    private static byte[] message(int i) {
        return ("certificate details #" + i).getBytes(StandardCharsets.UTF_8);
    }
}
