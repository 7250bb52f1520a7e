/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.noise;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.wabridge.core.cert.CertificateChainVerifier;
import org.wabridge.core.cert.CertificateIssuer;
import org.wabridge.core.cert.TrustAnchor;
import org.wabridge.core.cert.XEdDsaSigner;

/**
 * Test fixture: a server identity (static key + root → intermediate → leaf chain valid 2026-01-01 to
 * 2027-01-01) and a verifier pinned to its root at a clock inside that window. Reusable via the test-jar.
 */
public final class TestChains {
    public static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant NOT_AFTER = Instant.parse("2027-01-01T00:00:00Z");
    public static final Clock INSIDE_WINDOW = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    public final XEdDsaSigner root;
    public final XEdDsaSigner intermediate;
    public final X25519KeyPair serverStatic;
    public final byte[] certChain;

    public TestChains(SecureRandom random) {
        this(XEdDsaSigner.generate(random), XEdDsaSigner.generate(random), X25519.generate(random));
    }

    public TestChains(XEdDsaSigner root, XEdDsaSigner intermediate, X25519KeyPair serverStatic) {
        this.root = root;
        this.intermediate = intermediate;
        this.serverStatic = serverStatic;
        this.certChain = CertificateIssuer.issueChain(new CertificateIssuer.ChainRequest(root, 0, intermediate, 7,
                serverStatic.publicKey(), 42, NOT_BEFORE, NOT_AFTER)).toByteArray();
    }

    public TrustAnchor anchor() {
        return new TrustAnchor(root.curve25519PublicKey(), 0);
    }

    public CertificateChainVerifier verifier() {
        return verifier(INSIDE_WINDOW);
    }

    public CertificateChainVerifier verifier(Clock clock) {
        return new CertificateChainVerifier(anchor(), clock);
    }
}
