/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.cert;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.wabridge.core.proto.CertProtos.CertChain;
import org.wabridge.core.proto.CertProtos.CertChain.NoiseCertificate;

/**
 * Checks the server's certificate chain from the Noise ServerHello against a configured {@link TrustAnchor}
 * (whatsapp-protocol.md §2.7, whatsmeow's checks, stricter than Baileys): both signatures are 64 bytes and
 * verify, the intermediate names the root's serial and the leaf the intermediate's, the leaf certifies the
 * static key the server actually used, and both certificates are inside their validity window now.
 *
 * <p>Servers present the same chain on every connection, and a JDK Ed25519 verification costs milliseconds
 * (BENCHMARKS.md), so signatures already found valid are remembered in a small cache keyed by a SHA-256 of
 * (key, details, signature). Only the signature result is cached: serials, the leaf-key binding and the
 * validity window are checked on every call. Thread-safe; share one instance per trust anchor.
 */
public final class CertificateChainVerifier {
    private static final int SIGNATURE_CACHE_SIZE = 64;

    private final TrustAnchor anchor;
    private final Clock clock;
    private final Map<ByteBuffer, Boolean> verifiedSignatures = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
                    return size() > SIGNATURE_CACHE_SIZE;
                }
            });

    public CertificateChainVerifier(TrustAnchor anchor, Clock clock) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a verified chain certifies. */
    public record VerifiedChain(int intermediateSerial, int leafSerial, Instant notAfter) {
    }

    public VerifiedChain verify(byte[] certChainBytes, byte[] serverStaticKey) throws CertificateChainException {
        CertChain chain = parse(certChainBytes);
        NoiseCertificate intermediateCert = require(chain.hasIntermediate(), chain.getIntermediate(), "intermediate");
        NoiseCertificate leafCert = require(chain.hasLeaf(), chain.getLeaf(), "leaf");

        if (!verifySignature(anchor.rootPublicKey(), intermediateCert.getDetails().toByteArray(),
                signature(intermediateCert, "intermediate"))) {
            throw new CertificateChainException.UntrustedRoot(
                    "intermediate certificate is not signed by the configured root key");
        }
        NoiseCertificate.Details intermediate = details(intermediateCert, "intermediate");
        if (intermediate.getIssuerSerial() != anchor.rootSerial()) {
            throw new CertificateChainException.BrokenSerialLink("intermediate issuerSerial "
                    + intermediate.getIssuerSerial() + " does not match root serial " + anchor.rootSerial());
        }
        byte[] intermediateKey = key(intermediate, "intermediate");

        if (!verifySignature(intermediateKey, leafCert.getDetails().toByteArray(), signature(leafCert, "leaf"))) {
            throw new CertificateChainException.Tampered(
                    "leaf certificate signature does not verify under the intermediate key");
        }
        NoiseCertificate.Details leaf = details(leafCert, "leaf");
        if (leaf.getIssuerSerial() != intermediate.getSerial()) {
            throw new CertificateChainException.BrokenSerialLink("leaf issuerSerial " + leaf.getIssuerSerial()
                    + " does not match intermediate serial " + intermediate.getSerial());
        }
        if (!MessageDigest.isEqual(key(leaf, "leaf"), serverStaticKey)) {
            throw new CertificateChainException.LeafKeyMismatch(
                    "leaf certificate key differs from the server's Noise static key");
        }
        long now = clock.instant().getEpochSecond();
        checkValidity(intermediate, "intermediate", now);
        checkValidity(leaf, "leaf", now);
        return new VerifiedChain(intermediate.getSerial(), leaf.getSerial(),
                Instant.ofEpochSecond(Math.min(intermediate.getNotAfter(), leaf.getNotAfter())));
    }

    private boolean verifySignature(byte[] key, byte[] details, byte[] signature) {
        ByteBuffer cacheKey = ByteBuffer.wrap(digest(key, details, signature));
        if (verifiedSignatures.get(cacheKey) != null) { // get, not containsKey: refreshes LRU order
            return true;
        }
        boolean valid = XEdDsa.verify(key, details, signature);
        if (valid) {
            verifiedSignatures.put(cacheKey, Boolean.TRUE);
        }
        return valid;
    }

    private static byte[] digest(byte[] key, byte[] details, byte[] signature) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(key);
            sha256.update(signature); // fixed sizes first, so the concatenation is unambiguous
            sha256.update(details);
            return sha256.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static CertChain parse(byte[] bytes) throws CertificateChainException {
        try {
            return CertChain.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new CertificateChainException.Malformed("certificate chain is not a valid CertChain protobuf", e);
        }
    }

    private static NoiseCertificate require(boolean present, NoiseCertificate cert, String which)
            throws CertificateChainException {
        if (!present || !cert.hasDetails() || !cert.hasSignature()) {
            throw new CertificateChainException.Malformed(which + " certificate or its details/signature is missing", null);
        }
        return cert;
    }

    private static byte[] signature(NoiseCertificate cert, String which) throws CertificateChainException {
        ByteString signature = cert.getSignature();
        if (signature.size() != XEdDsa.SIGNATURE_SIZE) {
            throw new CertificateChainException.Malformed(which + " signature is " + signature.size()
                    + " bytes, expected " + XEdDsa.SIGNATURE_SIZE, null);
        }
        return signature.toByteArray();
    }

    private static NoiseCertificate.Details details(NoiseCertificate cert, String which)
            throws CertificateChainException {
        try {
            NoiseCertificate.Details details = NoiseCertificate.Details.parseFrom(cert.getDetails());
            if (!details.hasSerial() || !details.hasIssuerSerial() || !details.hasKey()
                    || !details.hasNotBefore() || !details.hasNotAfter()) {
                throw new CertificateChainException.Malformed(which + " details lack a required field", null);
            }
            return details;
        } catch (InvalidProtocolBufferException e) {
            throw new CertificateChainException.Malformed(which + " details are not a valid protobuf", e);
        }
    }

    private static byte[] key(NoiseCertificate.Details details, String which) throws CertificateChainException {
        if (details.getKey().size() != XEdDsa.PUBLIC_KEY_SIZE) {
            throw new CertificateChainException.Malformed(which + " key is " + details.getKey().size()
                    + " bytes, expected 32", null);
        }
        return details.getKey().toByteArray();
    }

    private static void checkValidity(NoiseCertificate.Details details, String which, long now)
            throws CertificateChainException {
        // uint64 on the wire: compare unsigned so a huge notAfter is not read as negative
        if (Long.compareUnsigned(now, details.getNotBefore()) < 0) {
            throw new CertificateChainException.NotYetValid(which + " certificate is valid only from "
                    + Long.toUnsignedString(details.getNotBefore()) + " (now " + now + ")");
        }
        if (Long.compareUnsigned(now, details.getNotAfter()) > 0) {
            throw new CertificateChainException.Expired(which + " certificate expired at "
                    + Long.toUnsignedString(details.getNotAfter()) + " (now " + now + ")");
        }
    }
}
