/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The server's Noise certificate chain (whatsapp-protocol.md §2.7): {@link org.wabridge.core.cert.CertificateChainVerifier}
 * checks a chain against a configured {@link org.wabridge.core.cert.TrustAnchor} and an injected clock, failing with
 * one {@link org.wabridge.core.cert.CertificateChainException} subtype per reason; {@link org.wabridge.core.cert.CertificateIssuer}
 * and {@link org.wabridge.core.cert.XEdDsaSigner} issue chains for the emulator and tests. XEdDSA is verified with
 * the JDK's Ed25519 alone ({@link org.wabridge.core.cert.XEdDsa}), so wa-core needs no libsignal.
 */
package org.wabridge.core.cert;
