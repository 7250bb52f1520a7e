/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * Small cryptographic building blocks shared by several protocol layers (the Noise handshake and media
 * encryption both derive keys with HKDF-SHA256), so each exists once. Pure JDK code, no state.
 */
package org.wabridge.core.crypto;
