/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
/**
 * WhatsApp's Noise_XX_25519_AESGCM_SHA256 variant (whatsapp-protocol.md §2.4–§2.5): the symmetric state
 * {@link org.wabridge.core.noise.NoiseHandshake} with the "no MixHash of an empty payload before a key" quirk,
 * the pure role machines {@link org.wabridge.core.noise.NoiseInitiator} (bridge) and
 * {@link org.wabridge.core.noise.NoiseResponder} (emulator), their drivers {@link org.wabridge.core.noise.ClientHandshaker}
 * and {@link org.wabridge.core.noise.ServerHandshaker} that turn a {@code FrameTransport} into an encrypted
 * {@link org.wabridge.core.noise.NoiseSocket}, the {@link org.wabridge.core.noise.CipherPair} of transport ciphers, and
 * {@link org.wabridge.core.noise.X25519} on noise-java's Curve25519. Failures are {@link org.wabridge.core.noise.HandshakeException}
 * (naming the step) and {@link org.wabridge.core.noise.CorruptFrameException}.
 */
package org.wabridge.core.noise;
