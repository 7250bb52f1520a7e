/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * The bridge operator as interop "provider" (whatsapp-protocol.md §1.3): its signing keys with rotation and an
 * overlap window, their public export as JWKS and PEM, and the short-lived JWT minted for every WhatsApp
 * connection. Claim names and algorithms are not public, so they live in {@link org.wabridge.core.auth.TokenProfile}
 * and {@link org.wabridge.core.auth.SigningAlgorithm}. Secrets never reach logs: every type holding a private key
 * or a token has a redacted {@code toString()}.
 */
package org.wabridge.core.auth;
