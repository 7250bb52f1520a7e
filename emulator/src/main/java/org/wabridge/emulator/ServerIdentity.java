/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.wabridge.core.cert.CertificateIssuer;
import org.wabridge.core.cert.TrustAnchor;
import org.wabridge.core.cert.XEdDsaSigner;
import org.wabridge.core.noise.X25519;
import org.wabridge.core.noise.X25519KeyPair;

/**
 * The emulator's Noise static key and its root → intermediate → leaf chain (whatsapp-protocol.md §2.7,
 * §9.1). The root (serial 0, like WhatsApp's) is fresh per start; a bridge trusts it via the anchor file.
 */
public final class ServerIdentity {
    static final int ROOT_SERIAL = 0;
    static final int INTERMEDIATE_SERIAL = 1;
    static final int LEAF_SERIAL = 2;

    private final X25519KeyPair staticKey;
    private final TrustAnchor anchor;
    private final byte[] certChain;

    private ServerIdentity(X25519KeyPair staticKey, TrustAnchor anchor, byte[] certChain) {
        this.staticKey = staticKey;
        this.anchor = anchor;
        this.certChain = certChain;
    }

    /** New keys; the chain is valid from a day before now for a year. */
    public static ServerIdentity generate(SecureRandom random, Clock clock) {
        XEdDsaSigner root = XEdDsaSigner.generate(random);
        XEdDsaSigner intermediate = XEdDsaSigner.generate(random);
        X25519KeyPair key = X25519.generate(random);
        Instant now = clock.instant();
        byte[] chain = CertificateIssuer.issueChain(new CertificateIssuer.ChainRequest(root, ROOT_SERIAL,
                intermediate, INTERMEDIATE_SERIAL, key.publicKey(), LEAF_SERIAL, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)))).toByteArray();
        return new ServerIdentity(key, new TrustAnchor(root.curve25519PublicKey(), ROOT_SERIAL), chain);
    }

    public TrustAnchor trustAnchor() {
        return anchor;
    }

    public String rootPublicKeyHex() {
        return HexFormat.of().formatHex(anchor.rootPublicKey());
    }

    X25519KeyPair staticKey() {
        return staticKey;
    }

    byte[] certChain() {
        return certChain.clone();
    }

    /** Writes the anchor as {@code <hex root key> <serial>} on one line, the form the bridge setting takes. */
    public void writeTrustAnchor(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, rootPublicKeyHex() + " " + ROOT_SERIAL + "\n", StandardCharsets.US_ASCII);
    }
}
