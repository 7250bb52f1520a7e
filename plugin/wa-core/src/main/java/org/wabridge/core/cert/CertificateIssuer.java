/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.cert;

import com.google.protobuf.ByteString;
import java.time.Instant;
import org.wabridge.core.proto.CertProtos.CertChain;
import org.wabridge.core.proto.CertProtos.CertChain.NoiseCertificate;

/**
 * Issues root → intermediate → leaf Noise certificate chains for the emulator and tests
 * (whatsapp-protocol.md §2.7, §9.1). The root only signs; it never appears in the chain.
 */
public final class CertificateIssuer {
    private CertificateIssuer() {
    }

    /** Everything a chain needs; one validity window covers both certificates. */
    public record ChainRequest(XEdDsaSigner root, int rootSerial, XEdDsaSigner intermediate, int intermediateSerial,
                               byte[] leafKey, int leafSerial, Instant notBefore, Instant notAfter) {
    }

    public static CertChain issueChain(ChainRequest r) {
        NoiseCertificate intermediate = certificate(details(r.intermediateSerial(), r.rootSerial(),
                r.intermediate().curve25519PublicKey(), r.notBefore(), r.notAfter()), r.root());
        NoiseCertificate leaf = certificate(details(r.leafSerial(), r.intermediateSerial(), r.leafKey(),
                r.notBefore(), r.notAfter()), r.intermediate());
        return CertChain.newBuilder().setIntermediate(intermediate).setLeaf(leaf).build();
    }

    public static NoiseCertificate.Details details(int serial, int issuerSerial, byte[] key,
                                                   Instant notBefore, Instant notAfter) {
        return NoiseCertificate.Details.newBuilder()
                .setSerial(serial)
                .setIssuerSerial(issuerSerial)
                .setKey(ByteString.copyFrom(key))
                .setNotBefore(notBefore.getEpochSecond())
                .setNotAfter(notAfter.getEpochSecond())
                .build();
    }

    /** Signs serialized details; the signature covers exactly the bytes placed in the certificate. */
    public static NoiseCertificate certificate(NoiseCertificate.Details details, XEdDsaSigner signer) {
        byte[] detailBytes = details.toByteArray();
        return NoiseCertificate.newBuilder()
                .setDetails(ByteString.copyFrom(detailBytes))
                .setSignature(ByteString.copyFrom(signer.sign(detailBytes)))
                .build();
    }
}
