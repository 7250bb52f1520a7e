/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.wabridge.core.proto.CertProtos.CertChain;
import org.wabridge.core.proto.CertProtos.CertChain.NoiseCertificate;
import org.wabridge.core.testing.MutableClock;

/** Every way a Noise certificate chain can be wrong (whatsapp-protocol.md §2.7) has its own exception type. */
class CertificateChainVerifierTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    private final SecureRandom random = new SecureRandom();
    private final XEdDsaSigner root = XEdDsaSigner.generate(random);
    private final XEdDsaSigner intermediate = XEdDsaSigner.generate(random);
    private final byte[] serverStatic = randomKey();
    private final CertificateChainVerifier verifier = new CertificateChainVerifier(
            new TrustAnchor(root.curve25519PublicKey(), 0), NOW);

    private byte[] randomKey() {
        byte[] k = new byte[32];
        random.nextBytes(k);
        k[31] &= 0x7F;
        return k;
    }

    private CertChain chain() {
        return CertificateIssuer.issueChain(new CertificateIssuer.ChainRequest(root, 0, intermediate, 3,
                serverStatic, 9, FROM, UNTIL));
    }

    private CertChain chainWith(NoiseCertificate.Details intermediateDetails, NoiseCertificate.Details leafDetails) {
        return CertChain.newBuilder()
                .setIntermediate(CertificateIssuer.certificate(intermediateDetails, root))
                .setLeaf(CertificateIssuer.certificate(leafDetails, intermediate))
                .build();
    }

    private NoiseCertificate.Details intermediateDetails() {
        return CertificateIssuer.details(3, 0, intermediate.curve25519PublicKey(), FROM, UNTIL);
    }

    private NoiseCertificate.Details leafDetails() {
        return CertificateIssuer.details(9, 3, serverStatic, FROM, UNTIL);
    }

    @Test
    void aProperChainVerifies() throws Exception {
        CertificateChainVerifier.VerifiedChain verified = verifier.verify(chain().toByteArray(), serverStatic);
        assertEquals(3, verified.intermediateSerial());
        assertEquals(9, verified.leafSerial());
        assertEquals(UNTIL, verified.notAfter());
    }

    @Test
    void tamperedLeafDetails() {
        CertChain good = chain();
        byte[] details = good.getLeaf().getDetails().toByteArray();
        details[details.length - 1] ^= 1; // last byte of notAfter
        CertChain tampered = good.toBuilder().setLeaf(good.getLeaf().toBuilder()
                .setDetails(ByteString.copyFrom(details))).build();
        assertThrows(CertificateChainException.Tampered.class, () -> verifier.verify(tampered.toByteArray(), serverStatic));
    }

    @Test
    void tamperedLeafSignature() {
        CertChain good = chain();
        byte[] sig = good.getLeaf().getSignature().toByteArray();
        sig[10] ^= 4;
        CertChain tampered = good.toBuilder().setLeaf(good.getLeaf().toBuilder()
                .setSignature(ByteString.copyFrom(sig))).build();
        assertThrows(CertificateChainException.Tampered.class, () -> verifier.verify(tampered.toByteArray(), serverStatic));
    }

    @Test
    void wrongRoot() {
        CertificateChainVerifier other = new CertificateChainVerifier(
                new TrustAnchor(XEdDsaSigner.generate(random).curve25519PublicKey(), 0), NOW);
        CertificateChainException e = assertThrows(CertificateChainException.UntrustedRoot.class,
                () -> other.verify(chain().toByteArray(), serverStatic));
        assertTrue(e.getMessage().contains("configured root"), e.getMessage());
    }

    @Test
    void wrongLeafKey() {
        assertThrows(CertificateChainException.LeafKeyMismatch.class,
                () -> verifier.verify(chain().toByteArray(), randomKey()));
    }

    @Test
    void expiredAndNotYetValid() {
        byte[] bytes = chain().toByteArray();
        CertificateChainVerifier late = new CertificateChainVerifier(new TrustAnchor(root.curve25519PublicKey(), 0),
                Clock.fixed(UNTIL.plusSeconds(1), ZoneOffset.UTC));
        CertificateChainVerifier early = new CertificateChainVerifier(new TrustAnchor(root.curve25519PublicKey(), 0),
                Clock.fixed(FROM.minusSeconds(1), ZoneOffset.UTC));
        CertificateChainVerifier onTheEdge = new CertificateChainVerifier(new TrustAnchor(root.curve25519PublicKey(), 0),
                Clock.fixed(UNTIL, ZoneOffset.UTC));
        assertThrows(CertificateChainException.Expired.class, () -> late.verify(bytes, serverStatic));
        assertThrows(CertificateChainException.NotYetValid.class, () -> early.verify(bytes, serverStatic));
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> onTheEdge.verify(bytes, serverStatic));
    }

    @Test
    void expiredLeafInsideValidIntermediate() {
        CertChain c = chainWith(intermediateDetails(),
                CertificateIssuer.details(9, 3, serverStatic, FROM, Instant.parse("2026-03-01T00:00:00Z")));
        CertificateChainException e = assertThrows(CertificateChainException.Expired.class,
                () -> verifier.verify(c.toByteArray(), serverStatic));
        assertTrue(e.getMessage().startsWith("leaf"), e.getMessage());
    }

    @Test
    void brokenSerialLinks() {
        CertChain wrongIssuerOfIntermediate = chainWith(
                CertificateIssuer.details(3, 1, intermediate.curve25519PublicKey(), FROM, UNTIL), leafDetails());
        CertChain wrongIssuerOfLeaf = chainWith(intermediateDetails(),
                CertificateIssuer.details(9, 4, serverStatic, FROM, UNTIL));
        assertThrows(CertificateChainException.BrokenSerialLink.class,
                () -> verifier.verify(wrongIssuerOfIntermediate.toByteArray(), serverStatic));
        assertThrows(CertificateChainException.BrokenSerialLink.class,
                () -> verifier.verify(wrongIssuerOfLeaf.toByteArray(), serverStatic));
    }

    @Test
    void malformedChains() {
        assertThrows(CertificateChainException.Malformed.class,
                () -> verifier.verify(new byte[] {0x0A, 0x7F, 0x01}, serverStatic));
        CertChain noLeaf = chain().toBuilder().clearLeaf().build();
        assertThrows(CertificateChainException.Malformed.class, () -> verifier.verify(noLeaf.toByteArray(), serverStatic));
        CertChain shortSig = chain().toBuilder().setIntermediate(chain().getIntermediate().toBuilder()
                .setSignature(ByteString.copyFrom(new byte[63]))).build();
        assertThrows(CertificateChainException.Malformed.class, () -> verifier.verify(shortSig.toByteArray(), serverStatic));
        CertChain shortKey = chainWith(CertificateIssuer.details(3, 0, new byte[31], FROM, UNTIL), leafDetails());
        assertThrows(CertificateChainException.Malformed.class, () -> verifier.verify(shortKey.toByteArray(), serverStatic));
    }

    @Test
    void xeddsaRejectsAlteredMessageSignatureAndSignBit() {
        byte[] message = "details".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sig = root.sign(message);
        assertTrue(XEdDsa.verify(root.curve25519PublicKey(), message, sig));
        byte[] flippedSign = sig.clone();
        flippedSign[63] ^= (byte) 0x80;
        assertFalse(XEdDsa.verify(root.curve25519PublicKey(), message, flippedSign));
        assertFalse(XEdDsa.verify(root.curve25519PublicKey(), "detailz".getBytes(java.nio.charset.StandardCharsets.UTF_8), sig));
        assertFalse(XEdDsa.verify(intermediate.curve25519PublicKey(), message, sig));
        assertFalse(XEdDsa.verify(root.curve25519PublicKey(), message, new byte[64]));
    }

    @Test
    void cachedSignaturesDoNotSkipTheOtherChecks() throws Exception {
        // Given a verifier that has already accepted the chain once (its signatures are now cached)
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
        CertificateChainVerifier shared = new CertificateChainVerifier(new TrustAnchor(root.curve25519PublicKey(), 0), clock);
        byte[] bytes = chain().toByteArray();
        shared.verify(bytes, serverStatic);
        // Then the leaf binding, a tampered copy and the validity window are still checked
        assertThrows(CertificateChainException.LeafKeyMismatch.class, () -> shared.verify(bytes, randomKey()));
        CertChain good = chain();
        byte[] sig = good.getLeaf().getSignature().toByteArray();
        sig[0] ^= 1;
        byte[] tampered = good.toBuilder().setLeaf(good.getLeaf().toBuilder().setSignature(ByteString.copyFrom(sig)))
                .build().toByteArray();
        assertThrows(CertificateChainException.Tampered.class, () -> shared.verify(tampered, serverStatic));
        clock.set(UNTIL.plusSeconds(1));
        assertThrows(CertificateChainException.Expired.class, () -> shared.verify(bytes, serverStatic));
    }

    @Test
    void seededSignerIsReproducible() {
        byte[] seed = new byte[32];
        seed[0] = 1;
        assertEquals(java.util.HexFormat.of().formatHex(XEdDsaSigner.fromSeed(seed).curve25519PublicKey()),
                java.util.HexFormat.of().formatHex(XEdDsaSigner.fromSeed(seed).curve25519PublicKey()));
    }
}
