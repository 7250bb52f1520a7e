/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.core.cert;

/**
 * Why a server's Noise certificate chain (whatsapp-protocol.md §2.7) was refused. Each reason is its own
 * type so callers and tests can tell them apart; the message names the certificate concerned.
 */
public abstract sealed class CertificateChainException extends Exception
        permits CertificateChainException.Malformed, CertificateChainException.UntrustedRoot,
        CertificateChainException.Tampered, CertificateChainException.BrokenSerialLink,
        CertificateChainException.LeafKeyMismatch, CertificateChainException.Expired,
        CertificateChainException.NotYetValid {

    CertificateChainException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The chain or a certificate's details do not parse, or a field is missing or has the wrong size. */
    public static final class Malformed extends CertificateChainException {
        public Malformed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The intermediate does not verify under the configured root key: a different root (or an altered intermediate). */
    public static final class UntrustedRoot extends CertificateChainException {
        public UntrustedRoot(String message) {
            super(message, null);
        }
    }

    /** The leaf's signature does not match its details under the intermediate's key: the leaf was altered. */
    public static final class Tampered extends CertificateChainException {
        public Tampered(String message) {
            super(message, null);
        }
    }

    /** An issuerSerial does not name the serial of the certificate above it. */
    public static final class BrokenSerialLink extends CertificateChainException {
        public BrokenSerialLink(String message) {
            super(message, null);
        }
    }

    /** The leaf certifies a key other than the static key the server used in the handshake. */
    public static final class LeafKeyMismatch extends CertificateChainException {
        public LeafKeyMismatch(String message) {
            super(message, null);
        }
    }

    /** A certificate's notAfter lies in the past. */
    public static final class Expired extends CertificateChainException {
        public Expired(String message) {
            super(message, null);
        }
    }

    /** A certificate's notBefore lies in the future. */
    public static final class NotYetValid extends CertificateChainException {
        public NotYetValid(String message) {
            super(message, null);
        }
    }
}
